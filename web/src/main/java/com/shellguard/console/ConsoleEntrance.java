package com.shellguard.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The gateway's root address opens the console ({@link ConsoleHome}, or the login page first). */
@WebServlet(urlPatterns = "")
public class ConsoleEntrance extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + ConsoleHome.PATH);
    }
}
