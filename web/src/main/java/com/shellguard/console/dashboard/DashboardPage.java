package com.shellguard.console.dashboard;

import com.shellguard.activity.ActivityService;
import com.shellguard.activity.TodayActivity;
import com.shellguard.cluster.ClusterView;
import com.shellguard.cluster.NodeState;
import com.shellguard.command.audit.CommandAuditService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** The dashboard: today's activity, the chart of it hour by hour, and the gateway nodes. */
@Named
@RequestScoped
public class DashboardPage {

    @Inject
    ActivityService activity;

    @Inject
    CommandAuditService alerts;

    @Inject
    ClusterView cluster;

    private TodayActivity today;

    @PostConstruct
    void load() {
        today = activity.today();
    }

    public TodayActivity getToday() {
        return today;
    }

    /** The gateway nodes and their heartbeats, as this node sees them. */
    public List<NodeState> getNodes() {
        return cluster.nodes();
    }

    /** Alerts raised in the last 24 hours, whatever the day. */
    public long getRecentAlerts() {
        return alerts.recentAlerts(24);
    }

    /** The chart's configuration (Chart.js, as p:chart takes it): two bar series over the hours of the day. */
    public String getChart() {
        JsonArrayBuilder hours = Json.createArrayBuilder();
        for (int h = 0; h < 24; h++) {
            hours.add(String.format("%02d:00", h));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", hours)
                        .add("datasets", Json.createArrayBuilder()
                                .add(series("Blocked commands", today.blockedCommandsPerHour(), "#b00020"))
                                .add(series("Failed logins", today.failedLoginsPerHour(), "#f0a202"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder series(String label, long[] perHour, String color) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (long v : perHour) {
            values.add(v);
        }
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", color);
    }
}
