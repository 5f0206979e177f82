// A stand-in Telegram Bot API for the benchmarks: `java bench/StandinTelegram.java PORT`. Answers every method
// with ok (sendMessage, sendPhoto, getMe, getChat) and getUpdates with nothing after its long poll's timeout.
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public class StandinTelegram {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String body;
            if (path.endsWith("/getUpdates")) {
                try {
                    Thread.sleep(1000L * Long.parseLong(query.replaceFirst("^.*timeout=(\\d+).*$", "$1").matches("\\d+")
                            ? query.replaceFirst("^.*timeout=(\\d+).*$", "$1") : "0"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = "{\"ok\":true,\"result\":[]}";
            } else {
                body = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1764055200,\"chat\":{\"id\":-1001,\"type\":\"channel\"}}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }
}
