package org.regolancer.orchestrator.monitoring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.remote.MBeanServerForwarder;

/**
 * What a remote JMX user may do, whoever logged in: read. Attributes, MBean descriptions, queries and notifications
 * pass; every operation ({@code sendBody}, {@code stopRoute}, a heap dump …), attribute change, MBean creation or
 * removal, class loading and deserialization is refused with the {@link SecurityException} the JDK's own access
 * controller throws for a {@code readonly} role, before anything runs.
 */
final class ReadOnlyAccess implements InvocationHandler {

    static final String DENIED = "Access denied! Invalid access level for requested MBeanServer operation.";

    /**
     * The MBeanServer methods a read-only role may call (those the JDK's MBeanServerAccessController lets a
     * {@code readonly} role call), and the class loaders the connector itself asks for to read a client's parameters.
     */
    private static final Set<String> READS = Set.of("getAttribute", "getAttributes", "getMBeanInfo", "queryNames",
            "queryMBeans", "isRegistered", "isInstanceOf", "getObjectInstance", "getMBeanCount", "getDefaultDomain",
            "getDomains", "addNotificationListener", "removeNotificationListener", "getClassLoaderRepository",
            "getClassLoaderFor", "getClassLoader");

    private volatile MBeanServer server;

    private ReadOnlyAccess() {
    }

    /** A forwarder to put in front of the platform MBeanServer (the connector server sets it). */
    static MBeanServerForwarder forwarder() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new ReadOnlyAccess());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "read-only access to " + server;
            };
        }
        if (name.equals("getMBeanServer")) {
            return server;
        }
        if (name.equals("setMBeanServer")) {
            server = (MBeanServer) args[0];
            return null;
        }
        if (!READS.contains(name)) {
            throw new SecurityException(DENIED);
        }
        try {
            return method.invoke(server, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
