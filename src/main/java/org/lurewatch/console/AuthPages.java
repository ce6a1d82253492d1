package org.lurewatch.console;

/** Signing in and choosing a password: the pages an analyst sees before the console. */
final class AuthPages {
    private AuthPages() {
    }

    /**
     * @param next    where to go after signing in (a console path), kept in the form
     * @param message why the form is shown again (wrong password, too many attempts), or null
     * @param info    a confirmation (signed out), or null
     */
    static String login(String next, String message, String username, String info) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"card\"><h1>Sign in to the Lurewatch console</h1>");
        if (info != null) {
            html.append(Layout.notice("ok", info));
        }
        if (message != null) {
            html.append(Layout.notice("error", message));
        }
        html.append("<form method=\"post\" action=\"").append(Layout.BASE).append("/login\" class=\"stack\">")
                .append("<input type=\"hidden\" name=\"next\" value=\"").append(Html.attr(next)).append("\">")
                .append("<label for=\"username\">Username</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus autocapitalize=\"none\" ")
                .append("spellcheck=\"false\" value=\"").append(Html.attr(username == null ? "" : username)).append("\">")
                .append("<label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\" class=\"primary\">Sign in</button></form>")
                .append("<p class=\"hint\">Accounts are made by your operator (<code>lurewatch accounts add</code>), who gives you a "
                        + "one-time password; you choose your own at the first sign-in. After several wrong passwords, sign-in "
                        + "pauses for a while.</p></div>");
        return Layout.bare("Sign in", html.toString());
    }

    /** Choosing a new password: required after a one-time password, possible at any time. */
    static String password(Layout.Viewer viewer, boolean required, String message) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"card\"><h1>").append(required ? "Choose your own password" : "Change your password").append("</h1>");
        if (required) {
            html.append("<p>You signed in with a one-time password. Choose your own before you go on; the one-time password "
                    + "then stops working.</p>");
        }
        if (message != null) {
            html.append(Layout.notice("error", message));
        }
        html.append("<form method=\"post\" action=\"").append(Layout.BASE).append("/password\" class=\"stack\">")
                .append(Layout.csrfField(viewer))
                .append("<input type=\"text\" name=\"username\" autocomplete=\"username\" value=\"").append(Html.attr(viewer.username()))
                .append("\" hidden>")
                .append("<label for=\"current\">Current password</label>")
                .append("<input id=\"current\" name=\"current\" type=\"password\" autocomplete=\"current-password\" required>")
                .append("<label for=\"new\">New password</label>")
                .append("<input id=\"new\" name=\"new\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\" ")
                .append("maxlength=\"256\" aria-describedby=\"new-hint\">")
                .append("<p id=\"new-hint\" class=\"hint\">At least 12 characters. A sentence you remember works well.</p>")
                .append("<label for=\"repeat\">New password again</label>")
                .append("<input id=\"repeat\" name=\"repeat\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\">")
                .append("<button type=\"submit\" class=\"primary\">Save the password</button></form></div>");
        return Layout.page(required ? null : viewer, "Password", Layout.Nav.NONE, html.toString());
    }
}
