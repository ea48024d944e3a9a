package dev.backcast.server.security;

import java.util.List;

/**
 * Who may do what: planners write and read, viewers read, auditors read and verify the record and take seals,
 * admins run the administration endpoints and may audit too.
 */
public final class Roles {

    public static final String PLANNER = "PLANNER";
    public static final String VIEWER = "VIEWER";
    public static final String ADMIN = "ADMIN";
    public static final String AUDITOR = "AUDITOR";
    public static final List<String> ALL = List.of(PLANNER, VIEWER, ADMIN, AUDITOR);

    private Roles() {
    }
}
