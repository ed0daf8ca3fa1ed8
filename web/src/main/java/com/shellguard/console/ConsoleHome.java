package com.shellguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a login lands (and where the login page continues to): the dashboard for admins and auditors, the page of
 * their own access for everyone else, who may open nothing else of the console.
 */
@WebServlet(ConsoleHome.PATH)
public class ConsoleHome extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/console/home";
    public static final String MY_ACCESS = "/console/my-access.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean staff = request.isUserInRole(ConsoleRoles.ADMIN) || request.isUserInRole(ConsoleRoles.AUDITOR);
        response.sendRedirect(request.getContextPath() + (staff ? "/console/dashboard.xhtml" : MY_ACCESS));
    }
}
