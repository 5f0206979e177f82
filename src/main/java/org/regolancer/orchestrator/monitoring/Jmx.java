package org.regolancer.orchestrator.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.RMIServerSocketFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.cycle.CycleStatsMBean;

/** Our counters as an MBean of our own domain, and (JMX_PORT &gt; 0) a JMX connector on 127.0.0.1 only. */
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

    /** {@code service:jmx:rmi://127.0.0.1:PORT/jndi/rmi://127.0.0.1:PORT/jmxrmi}, listening on loopback only. */
    public static JMXConnectorServer remote(int port) throws IOException {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        RMIServerSocketFactory loopbackOnly = p -> new ServerSocket(p, 0, loopback);
        LocateRegistry.createRegistry(port, null, loopbackOnly);
        Map<String, Object> environment = new HashMap<>();
        environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopbackOnly);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + port + "/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, environment,
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        return server;
    }
}
