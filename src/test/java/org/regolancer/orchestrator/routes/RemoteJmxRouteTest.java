package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.RemoteJmx;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.monitoring.Jmx;

/**
 * Remote JMX with JMX_PASSWORD_FILE: nobody in without the file's role and password; whoever logs in reads the
 * counters and Camel's routes and runs nothing (the attack the issue reproduced: {@code sendBody} to an
 * {@code exec:} URI on the Camel context's MBean, which ran a program as the daemon's user).
 */
class RemoteJmxRouteTest extends DaemonRouteTestSupport {

    /**
     * A port of each test's own: the test's JMX client keeps its RMI connections open a while after use, and one reused
     * against the next test's daemon on the same port would reach the stopped one's objects ("no such object").
     */
    private final int port = Listening.freePort();
    private static final String[] RIGHT = {RemoteJmx.ROLE, RemoteJmx.PASSWORD};
    private Path passwordFile;

    /** Camel's test support turns Camel's MBeans off; the daemon has them. */
    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
        passwordFile = RemoteJmx.passwordFile(work);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("JMX_PORT", Integer.toString(port), "JMX_PASSWORD_FILE", passwordFile.toString(),
                "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void nobodyGetsInWithoutTheRightRoleAndPassword() throws Exception {
        assertTrue(Listening.onlyOnLoopback(port), "listening on loopback only: " + Listening.addresses(port));
        assertThrows(SecurityException.class, () -> RemoteJmx.connect(port, null), "no credentials");
        assertThrows(SecurityException.class, () -> RemoteJmx.connect(port, new String[] {RemoteJmx.ROLE, "wrong"}));
        assertThrows(SecurityException.class, () -> RemoteJmx.connect(port, new String[] {"controlRole", RemoteJmx.PASSWORD}));
        try (JMXConnector right = RemoteJmx.connect(port, RIGHT)) {
            assertTrue(right.getMBeanServerConnection().getMBeanCount() > 0, "the right ones get in");
        }
        assertEquals("# remote JMX users\n" + RemoteJmx.ROLE + " " + RemoteJmx.PASSWORD + "\n", Files.readString(passwordFile),
                "the file is left as the operator wrote it (the JDK's agent would rewrite it hashed)");
        assertEquals(List.of(), errorLines().stream().filter(l -> l.contains("[jmx]")).toList());
    }

    @Test
    void theRightOnesReadTheCountersAndTheRoutesAndRunNothing() throws Exception {
        Path touched = work.resolve("touched-by-jmx");
        ObjectName context = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:type=context,*"), null).iterator().next();
        // the attack works on the MBean itself (as the daemon's user, through local attach): so it is the connector
        // that refuses it below
        ManagementFactory.getPlatformMBeanServer().invoke(context, "sendBody", new Object[] {"exec:touch?args=" + touched, ""},
                new String[] {String.class.getName(), Object.class.getName()});
        assertTrue(Files.exists(touched), "sendBody to exec: runs a program");
        Files.delete(touched);

        try (JMXConnector connector = RemoteJmx.connect(port, RIGHT)) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName stats = new ObjectName(Jmx.STATS_NAME);
            assertTrue(await(Duration.ofSeconds(15), () -> read(jmx, stats, "Successes") > 0), "our counters read");
            assertTrue(jmx.isRegistered(context), "Camel's context MBean is there for monitoring tools");
            ObjectName cycle = jmx.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"cycle\",*"), null)
                    .iterator().next();
            assertEquals("Started", jmx.getAttribute(cycle, "State"), "Camel's route MBeans read");
            assertEquals(Set.of(cycle), jmx.queryNames(new ObjectName("org.apache.camel:type=routes,*"),
                    javax.management.Query.eq(javax.management.Query.attr("RouteId"), javax.management.Query.value("cycle"))),
                    "a query, as monitoring tools send one");

            assertThrows(SecurityException.class, () -> jmx.invoke(context, "sendBody",
                    new Object[] {"exec:touch?args=" + touched, ""}, new String[] {String.class.getName(), Object.class.getName()}));
            assertThrows(java.io.InvalidClassException.class, () -> jmx.invoke(context, "sendBody",
                    new Object[] {"log:x", new java.io.File("/")}, new String[] {String.class.getName(), Object.class.getName()}),
                    "a parameter of a type that is not JMX's is not even read");
            assertThrows(SecurityException.class, () -> jmx.invoke(cycle, "stop", null, null));
            assertThrows(SecurityException.class, () -> jmx.invoke(context, "stop", null, null));
            assertThrows(SecurityException.class, () -> jmx.setAttribute(cycle, new Attribute("Tracing", true)));
            assertThrows(SecurityException.class, () -> jmx.unregisterMBean(stats));
            assertThrows(SecurityException.class, () -> jmx.createMBean("javax.management.timer.Timer",
                    new ObjectName("attack:type=Timer")));
            assertThrows(SecurityException.class, () -> jmx.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                    "dumpHeap", new Object[] {work.resolve("heap.hprof").toString(), true},
                    new String[] {String.class.getName(), boolean.class.getName()}));

            assertFalse(Files.exists(touched), "nothing ran");
            assertFalse(Files.exists(work.resolve("heap.hprof")), "no heap dump (it would hold every secret)");
            assertEquals("Started", jmx.getAttribute(cycle, "State"), "the route runs on");
            assertTrue(jmx.isRegistered(stats));
            long before = read(jmx, stats, "Cycles");
            assertTrue(await(Duration.ofSeconds(10), () -> read(jmx, stats, "Cycles") > before), "and so do the cycles");

            String everything = String.join("\n", RemoteJmx.everyAttribute(jmx));
            assertTrue(everything.contains("Successes="), "every attribute was read");
            for (String secret : Set.of(FakeLndg.PASSWORD, FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1),
                    RemoteJmx.PASSWORD)) {
                assertFalse(everything.contains(secret), "no attribute holds a secret");
            }
        }
    }

    @Test
    void nobodyCanPutAStubOfTheirOwnInTheRegistry() throws Exception {
        Remote fake = new Remote() {
        };
        Remote stub = UnicastRemoteObject.exportObject(fake, 0);
        try {
            var registry = LocateRegistry.getRegistry("127.0.0.1", port);
            assertEquals(List.of("jmxrmi"), List.of(registry.list()), "the registry answers");
            assertThrows(java.rmi.RemoteException.class, () -> registry.rebind("jmxrmi", stub));
            assertThrows(java.rmi.RemoteException.class, () -> registry.bind("other", stub));
            assertEquals(List.of("jmxrmi"), List.of(registry.list()));
            try (JMXConnector right = RemoteJmx.connect(port, RIGHT)) {
                assertTrue(right.getMBeanServerConnection().isRegistered(new ObjectName(Jmx.STATS_NAME)),
                        "jmxrmi is still the daemon's");
            }
        } finally {
            UnicastRemoteObject.unexportObject(fake, true);
        }
    }

    private static long read(MBeanServerConnection jmx, ObjectName name, String attribute) {
        try {
            return (Long) jmx.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
