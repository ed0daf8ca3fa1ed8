package com.shellguard.command.audit;

import com.shellguard.common.AuditId;
import com.shellguard.common.Clock;
import com.shellguard.common.Texts;
import com.shellguard.command.model.Command;
import com.shellguard.command.model.CommandOrigin;
import com.shellguard.command.model.CommandWord;
import com.shellguard.command.model.RunningShell;
import com.shellguard.connector.api.CommandVerdict;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One command a hooked shell ran or was refused, with what the hook saw, the verdict and how it ended. Who
 * and where are copied from the session, so the audit is searched without joins. Ids are assigned in
 * memory ({@link AuditId}), so a batch of rows goes out in JDBC batches without a round trip per row; rows are
 * not kept in the shared JPA cache, which they would only fill.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_command", indexes = {@Index(columnList = "command_time"), @Index(columnList = "session_id, command_id"),
        @Index(columnList = "session_id, line_id"), @Index(columnList = "user_name")})
public class CommandRecord {

    static final int TEXT = 8192;
    private static final int NAME = 128;
    private static final int FILE = 1024;

    @Id
    @Column(length = 36)
    private String id = AuditId.next();

    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "user_name", length = NAME)
    private String userName;

    @Column(name = "server_name", length = NAME)
    private String serverName;

    @Column(length = NAME)
    private String login;

    @Column(name = "command_time")
    private OffsetDateTime time;

    @Column(name = "command_id", length = 64)
    private String commandId;

    @Column(length = 16)
    private String shell;

    @Column(name = "shell_role", length = 16)
    private String role;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private CommandOrigin origin;

    @Column(name = "source_file", length = FILE)
    private String source;

    @Column(name = "source_line")
    private int sourceLine;

    @Column(name = "function_name", length = NAME)
    private String function;

    private int depth;

    @Column(length = FILE)
    private String cwd;

    @Column(length = 16)
    private String resolution;

    @Column(length = FILE)
    private String program;

    @Column(name = "program_path", length = FILE)
    private String path;

    @Column(name = "canonical_path", length = FILE)
    private String canonical;

    @Column(name = "alias_name", length = NAME)
    private String alias;

    @Column(name = "line_id", length = 64)
    private String lineId;

    @Column(name = "typed_line", length = TEXT)
    private String typedLine;

    @Column(name = "command_text", length = TEXT)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Verdict verdict;

    @Column(name = "rule_name", length = NAME)
    private String rule;

    private boolean alert;

    @Column(length = 1024)
    private String reason;

    /** For a start the exec guard saw: the process that asked ({@code pid path}). */
    @Column(name = "caller_process", length = FILE)
    private String caller;

    /** For a start the exec guard saw: the parent of the process that asked ({@code pid path}). */
    @Column(name = "parent_process", length = FILE)
    private String parent;

    /** For a start the supervisor saw: the real uid the program runs as. */
    @Column(name = "run_uid", length = 16)
    private String uid;

    @Column(name = "exit_status")
    private Integer exitStatus;

    @Column(name = "duration_ms")
    private Long durationMs;

    protected CommandRecord() {
    }

    /** {@code verdict} null: a command the hook let run without asking. */
    public CommandRecord(String sessionId, String userName, String serverName, String login, Command command,
                         CommandVerdict verdict, String typedLine) {
        RunningShell where = command.where();
        CommandWord word = command.word();
        this.sessionId = sessionId;
        this.userName = userName;
        this.serverName = serverName;
        this.login = login;
        this.time = Clock.ofMicros(command.startMicros());
        this.commandId = Texts.clip(command.id(), 64);
        this.shell = Texts.clip(where.shell(), 16);
        this.role = where.role() == null ? null : where.role().wire();
        this.origin = where.origin();
        this.source = Texts.clip(where.source(), FILE);
        this.sourceLine = where.line();
        this.function = Texts.clip(where.function(), NAME);
        this.depth = where.subshell();
        this.cwd = Texts.clip(where.cwd(), FILE);
        this.resolution = word.resolution() == null ? null : word.resolution().wire();
        this.program = Texts.clip(word.word(), FILE);
        this.path = Texts.clip(word.path(), FILE);
        this.canonical = Texts.clip(word.canonical(), FILE);
        this.alias = Texts.clip(command.alias(), NAME);
        this.lineId = Texts.clip(command.lineId(), 64);
        this.typedLine = Texts.clip(typedLine, TEXT);
        this.text = Texts.clip(command.text(), TEXT);
        this.caller = command.caller().isEmpty() ? null : Texts.clip(command.caller(), FILE);
        this.parent = command.parent().isEmpty() ? null : Texts.clip(command.parent(), FILE);
        this.uid = command.uid().isEmpty() ? null : Texts.clip(command.uid(), 16);
        this.verdict = Verdict.of(verdict);
        if (verdict != null) {
            this.rule = Texts.clip(verdict.rule(), NAME);
            this.alert = verdict.alert();
            this.reason = Texts.clip(verdict.reason(), 1024);
        }
    }

    /** The line the command was typed as, which arrived after the command. */
    public void attachLine(String line) {
        this.typedLine = Texts.clip(line, TEXT);
    }

    /** The command finished; times in microseconds since the epoch. */
    public void complete(int status, long startMicros, long endMicros) {
        this.exitStatus = status;
        this.durationMs = endMicros >= startMicros && startMicros > 0 ? (endMicros - startMicros) / 1000 : null;
    }

    public String getId() {
        return id;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getUserName() {
        return userName;
    }

    public String getServerName() {
        return serverName;
    }

    public String getLogin() {
        return login;
    }

    public OffsetDateTime getTime() {
        return time;
    }

    public String getCommandId() {
        return commandId;
    }

    public String getCaller() {
        return caller;
    }

    public String getParent() {
        return parent;
    }

    public String getUid() {
        return uid;
    }

    public String getShell() {
        return shell;
    }

    public String getRole() {
        return role;
    }

    public CommandOrigin getOrigin() {
        return origin;
    }

    public String getSource() {
        return source;
    }

    public int getSourceLine() {
        return sourceLine;
    }

    public String getFunction() {
        return function;
    }

    /** The subshell nesting depth the command ran at. */
    public int getDepth() {
        return depth;
    }

    public String getCwd() {
        return cwd;
    }

    public String getResolution() {
        return resolution;
    }

    public String getProgram() {
        return program;
    }

    public String getPath() {
        return path;
    }

    public String getCanonical() {
        return canonical;
    }

    public String getAlias() {
        return alias;
    }

    public String getLineId() {
        return lineId;
    }

    public String getTypedLine() {
        return typedLine;
    }

    public String getText() {
        return text;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getRule() {
        return rule;
    }

    public boolean isAlert() {
        return alert;
    }

    public String getReason() {
        return reason;
    }

    public Integer getExitStatus() {
        return exitStatus;
    }

    public Long getDurationMs() {
        return durationMs;
    }
}
