package org.regolancer.orchestrator.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.AlreadyBoundException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.cycle.CycleStatsMBean;

/**
 * Our counters as an MBean of our own domain, and (JMX_PORT &gt; 0 with JMX_PASSWORD_FILE) a read-only JMX connector
 * with a password on 127.0.0.1 only.
 */
public final class Jmx {

    public static final String STATS_NAME = "org.regolancer.orchestrator:type=Stats,name=cycles";

    private Jmx() {
    }

    public static void register(CycleStats stats) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(STATS_NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(stats, CycleStatsMBean.class), name);
    }

    public static void unregister() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(STATS_NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    /** The JDK's RMI registry filter: the registry takes no object from outside (see {@link #remote}). */
    static final String REGISTRY_FILTER = "sun.rmi.registry.registryFilter";

    /** Remote JMX as it runs: the connector and its registry, both on the one loopback port. */
    public static final class Remote implements AutoCloseable {
        private final JMXConnectorServer server;
        private final Registry registry;

        private Remote(JMXConnectorServer server, Registry registry) {
            this.server = server;
            this.registry = registry;
        }

        @Override
        public void close() throws IOException {
            try {
                server.stop();
            } finally {
                UnicastRemoteObject.unexportObject(registry, true);
            }
        }
    }

    /**
     * {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:PORT/jmxrmi}, listening on loopback only, for the users of the
     * password file (the JDK's format and its own authenticator, which reads the file at every login and never rewrites
     * it: no {@code jmx.remote.x.password.toHashes}), every one of them read-only ({@link ReadOnlyAccess}). Before
     * login only user name and password are deserialized, after it only JMX's own types. The registry holds the one
     * name {@code jmxrmi}, bound here by a local call; it accepts no object from outside, so nobody can bind a stub of
     * their own in its place (one that would collect the passwords typed into jconsole).
     */
    public static Remote remote(int port, Path passwordFile) throws IOException {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        // read once, when the JVM makes its first registry: set before it (no registry is made in this process elsewhere)
        System.setProperty(REGISTRY_FILTER, "!*");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        RMIServerSocketFactory loopbackOnly = p -> new ServerSocket(p, 0, loopback);
        Registry registry = LocateRegistry.createRegistry(port, null, loopbackOnly);
        try {
            Map<String, Object> environment = new HashMap<>();
            environment.put("jmx.remote.x.password.file", passwordFile.toString());
            environment.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, "java.lang.String;!*");
            // a logged-in client's parameters: JMX's own types, wrapped as JMX wraps them, and nothing else
            environment.put(RMIConnectorServer.SERIAL_FILTER_PATTERN, "java.lang.*;java.util.*;java.rmi.MarshalledObject;"
                    + "javax.security.auth.Subject;javax.security.auth.Subject$SecureSet;javax.management.**;!*");
            RMIJRMPServerImpl rmi = new RMIJRMPServerImpl(port, null, loopbackOnly, environment);
            JMXConnectorServer server = new RMIConnectorServer(new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + port),
                    environment, rmi, ManagementFactory.getPlatformMBeanServer());
            server.setMBeanServerForwarder(ReadOnlyAccess.forwarder());
            server.start();
            try {
                registry.bind("jmxrmi", rmi.toStub());
            } catch (AlreadyBoundException | IOException e) {
                server.stop();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            return new Remote(server, registry);
        } catch (IOException | RuntimeException e) {
            UnicastRemoteObject.unexportObject(registry, true);
            throw e;
        }
    }
}
