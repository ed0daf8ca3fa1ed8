package com.shellguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR deployed by Arquillian into a Payara Micro it manages, beside the connector RAR (deployed
 * by the post-boot commands in arquillian.xml): the inbound contract binds the MDB to the adapter and a
 * stock ssh client gets through to a real sshd.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArquillianDeploymentIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive shellguardWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/shellguard-web.war"));
    }

    @Test
    void theDeployedWarAnswersHealthAndItsGatewayProxiesAnSshSession() {
        String baseUrl = base.toString().replaceAll("/+$", "").replaceAll("/shellguard-web$", "");
        Api admin = Api.basic(baseUrl, "admin", "Arquillian-admin-1");
        Api.anonymous(baseUrl).get("/health").expect(200);

        try (TargetServer target = TargetServer.start()) {
            Provisioning.Access access = new Provisioning(admin, target).access("arq");
            int sshPort = Integer.parseInt(System.getProperty("arquillian.ssh.port"));
            Processes.Result r = OpenSshClient.withKey(sshPort, access.person().key())
                    .ssh(access.person().name() + "@" + access.server(), "echo deployed-by-arquillian");
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("deployed-by-arquillian\n", r.stdout());
        }
    }
}
