package com.shellguard.cluster;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One gateway node's heartbeat row, by its {@code SHELLGUARD_NODE} name. {@code beats} only ever grows while the node
 * lives; {@code incarnation} changes with each start. The times are for people reading the row (epoch milliseconds,
 * each by the clock of the node that wrote it); liveness is judged by the counter alone.
 */
@Entity
@Cacheable(false)
@Table(name = "sg_cluster_node")
public class ClusterNode {

    @Id
    @Column(length = 255)
    private String name;

    @Column(nullable = false, length = 36)
    private String incarnation;

    @Column(nullable = false)
    private long beats;

    @Column(name = "started_at", nullable = false)
    private long startedAt;

    @Column(name = "beat_at", nullable = false)
    private long beatAt;

    /** When a survivor took this incarnation for lost, by its clock; null while it is alive. */
    @Column(name = "lost_at")
    private Long lostAt;

    @Column(name = "lost_by", length = 255)
    private String lostBy;

    protected ClusterNode() {
    }

    ClusterNode(String name, String incarnation, long now) {
        this.name = name;
        this.incarnation = incarnation;
        this.startedAt = now;
        this.beatAt = now;
        this.beats = 1;
    }

    /** The node beats, so it is alive: an incarnation that differs from the stored one is a new start. */
    void beat(String currentIncarnation, long now) {
        if (!currentIncarnation.equals(incarnation)) {
            incarnation = currentIncarnation;
            startedAt = now;
        }
        lostAt = null;
        lostBy = null;
        beats++;
        beatAt = now;
    }

    void lost(String survivor, long now) {
        lostAt = now;
        lostBy = survivor;
    }

    public String getName() {
        return name;
    }

    public String getIncarnation() {
        return incarnation;
    }

    public long getBeats() {
        return beats;
    }

    public long getStartedAt() {
        return startedAt;
    }

    public long getBeatAt() {
        return beatAt;
    }

    public Long getLostAt() {
        return lostAt;
    }

    public String getLostBy() {
        return lostBy;
    }
}
