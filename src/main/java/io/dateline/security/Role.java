package io.dateline.security;

/** Roles in ascending power: ADMIN can do all that EDITOR can, EDITOR all that READER can. */
public enum Role {
    READER,
    EDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
