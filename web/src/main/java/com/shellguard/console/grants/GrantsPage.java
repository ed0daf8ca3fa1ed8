package com.shellguard.console.grants;

import com.shellguard.console.AdminOnly;
import com.shellguard.console.EditorPage;
import com.shellguard.grant.Grant;
import com.shellguard.grant.GrantRule;
import com.shellguard.grant.GrantService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Grants: a user or a group, on a server or on every server with a label, as some logins. */
@Named
@ViewScoped
public class GrantsPage extends EditorPage<Grant> {

    private static final long serialVersionUID = 1L;

    public enum Who { USER, GROUP }

    public enum Where { SERVER, LABEL }

    @Inject
    GrantService grants;

    private Who who = Who.USER;
    private String whoName;
    private Where where = Where.SERVER;
    private String whereName;
    private List<String> logins = new ArrayList<>();
    private List<String> forwarding = new ArrayList<>();
    private List<String> forwardTo = new ArrayList<>(List.of(GrantRule.DEFAULT_FORWARD_TO));

    @Override
    protected List<Grant> loadRows() {
        return grants.list();
    }

    public void edit(String id) {
        GrantRule rule = grants.get(id).rule();
        editing = id;
        who = rule.user() != null ? Who.USER : Who.GROUP;
        whoName = rule.user() != null ? rule.user() : rule.group();
        where = rule.server() != null ? Where.SERVER : Where.LABEL;
        whereName = rule.server() != null ? rule.server() : rule.label();
        logins = new ArrayList<>(rule.logins());
        forwarding = new ArrayList<>(rule.forwarding());
        forwardTo = new ArrayList<>(rule.forwardTo());
    }

    public void startNew() {
        editing = null;
        who = Who.USER;
        whoName = null;
        where = Where.SERVER;
        whereName = null;
        logins = new ArrayList<>();
        forwarding = new ArrayList<>();
        forwardTo = new ArrayList<>(List.of(GrantRule.DEFAULT_FORWARD_TO));
    }

    @AdminOnly
    public void save() {
        GrantRule rule = new GrantRule(who == Who.USER ? whoName : null, who == Who.GROUP ? whoName : null,
                where == Where.SERVER ? whereName : null, where == Where.LABEL ? whereName : null, List.copyOf(logins),
                new LinkedHashSet<>(forwarding), List.copyOf(forwardTo));
        saved("the grant", () -> editing = grants.create(rule).getId(), () -> grants.update(editing, rule));
    }

    @AdminOnly
    public void delete(String id) {
        deleted("the grant", id, () -> grants.delete(id));
    }

    public Who[] getWhoKinds() {
        return Who.values();
    }

    public Where[] getWhereKinds() {
        return Where.values();
    }

    public Who getWho() {
        return who;
    }

    public void setWho(Who who) {
        this.who = who;
    }

    public String getWhoName() {
        return whoName;
    }

    public void setWhoName(String whoName) {
        this.whoName = whoName;
    }

    public Where getWhere() {
        return where;
    }

    public void setWhere(Where where) {
        this.where = where;
    }

    public String getWhereName() {
        return whereName;
    }

    public void setWhereName(String whereName) {
        this.whereName = whereName;
    }

    public List<String> getLogins() {
        return logins;
    }

    public void setLogins(List<String> logins) {
        this.logins = logins == null ? new ArrayList<>() : logins;
    }

    public List<String> getForwarding() {
        return forwarding;
    }

    public void setForwarding(List<String> forwarding) {
        this.forwarding = forwarding == null ? new ArrayList<>() : forwarding;
    }

    public List<String> getForwardTo() {
        return forwardTo;
    }

    public void setForwardTo(List<String> forwardTo) {
        this.forwardTo = forwardTo == null ? new ArrayList<>() : forwardTo;
    }
}
