package org.regolancer.orchestrator.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C as this JVM gets it. A terminal's Ctrl-C signals the whole foreground process group: the daemon and every
 * regolancer it runs get SIGINT at the same moment, and regolancer exits 1 on it without a word, perhaps before the
 * daemon's shutdown has marked the stop. So the daemon notes the signal itself, first thing, then passes it to the
 * JVM's own handler, which starts the shutdown as before. Nothing is installed where the JVM has no handler of its
 * own (SIGINT ignored when it started, {@code -Xrs}): Ctrl-C then does what it did.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported, there for exactly this) is reached by reflection: named in the
 * source, every build would warn about an internal API.
 */
public final class Sigint {

    private static volatile Runnable listener = () -> { };
    private static volatile Object jvms;
    private static boolean installed;

    private Sigint() {
    }

    /**
     * From now on a SIGINT first runs {@code note} (one daemon per JVM: it replaces an earlier one), then the JVM's handler.
     *
     * @return whether the signal is watched
     */
    public static synchronized boolean onSigint(Runnable note) {
        listener = note;
        if (installed) {
            return true;
        }
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handler);
            Method pass = handler.getMethod("handle", signal);
            Object sigint = signal.getConstructor(String.class).newInstance("INT");
            Object ours = Proxy.newProxyInstance(Sigint.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "handle" -> handled(pass, args[0]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "Sigint";
                    });
            Object previous = handle.invoke(null, sigint, ours);
            if (previous == handler.getField("SIG_DFL").get(null) || previous == handler.getField("SIG_IGN").get(null)) {
                handle.invoke(null, sigint, previous);
                return false;
            }
            jvms = previous;
            installed = true;
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no sun.misc.Signal, or SIGINT taken: runs that end while the daemon stops still count as stopped
            return false;
        }
    }

    private static Object handled(Method pass, Object signal) throws IllegalAccessException, InvocationTargetException {
        try {
            listener.run();
        } finally {
            Object next = jvms;
            if (next != null) {
                pass.invoke(next, signal);
            } else {
                // a signal between installing ours and learning the JVM's: do what the JVM's does
                Runtime.getRuntime().exit(128 + 2);
            }
        }
        return null;
    }
}
