package org.regolancer.orchestrator.wiring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.util.FileUtil;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route reload for {@code routes/*.yaml}, one file at a time, made safe: an edit that does not parse or
 * whose routes cannot be created is refused with one line (log and errors.log) and the routes that file held
 * before keep running.
 */
final class SafeRouteReload extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");

    private final ErrorLog errors;
    private final Runnable beforeReload;
    private final Runnable afterReload;

    /**
     * @param beforeReload ends what a route waits for (the cycle's wait for LNDg's refresh) and holds back new work
     * @param afterReload lets new work start again
     */
    SafeRouteReload(String directory, ErrorLog errors, Runnable beforeReload, Runnable afterReload) {
        super(directory, false);
        this.errors = errors;
        this.beforeReload = beforeReload;
        this.afterReload = afterReload;
        setPattern("*.yaml");
        // only the edited file's routes are replaced; the others keep running untouched
        setRemoveAllRoutes(false);
        // the file system tells the watcher of an edit at once (inotify); the timeout is only how often its thread
        // wakes up to look whether it should stop: not every 2 s for years
        setPollTimeout(600_000);
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        ModelCamelContext model = (ModelCamelContext) getCamelContext();
        List<String> files = new ArrayList<>();
        List<RouteDefinition> before = new ArrayList<>();
        for (Resource resource : resources == null ? List.<Resource>of() : resources) {
            files.add(FileUtil.stripPath(resource.getLocation()));
        }
        for (Route route : getCamelContext().getRoutes()) {
            Resource source = route.getSourceResource();
            if (source != null && files.contains(FileUtil.stripPath(source.getLocation()))) {
                RouteDefinition definition = model.getRouteDefinition(route.getRouteId());
                if (definition != null) {
                    before.add(definition);
                }
            }
        }
        // a route being replaced is waited for (up to 8 s): nothing should be waiting in it for no reason
        beforeReload.run();
        try {
            super.onRouteReload(resources, removeEverything);
            LOG.info("Routes reloaded from {}", String.join(", ", files));
        } catch (RuntimeException e) {
            errors.report(ErrorLog.Kind.ROUTES, "edit of " + String.join(", ", files) + " refused, the previous routes keep running: "
                    + firstLine(e));
            restore(model, before);
        } finally {
            afterReload.run();
        }
    }

    /** Puts the file's previous routes back where the failed edit removed or replaced them. */
    private void restore(ModelCamelContext model, List<RouteDefinition> before) {
        for (RouteDefinition definition : before) {
            try {
                String id = definition.getRouteId();
                if (model.getRouteDefinition(id) != definition) {
                    if (model.getRoute(id) != null) {
                        model.getRouteController().stopRoute(id);
                        model.removeRoute(id);
                    }
                    model.addRouteDefinition(definition);
                }
            } catch (Exception e) {
                errors.report(ErrorLog.Kind.ROUTES, "could not restore route " + definition.getRouteId(), e);
            }
        }
    }

    private static String firstLine(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String line = message.strip().split("\\R", 2)[0];
        String where = message.contains(" in file:") ? message.substring(message.indexOf(" in file:")).split("\\R", 2)[0] : "";
        return line + (line.contains(" in file:") ? "" : where);
    }
}
