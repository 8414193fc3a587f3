package nl.wijkopmaat.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged server (the jar of {@code ./mvnw package}), started as a process of its own against
 * the benchmark's database, as it runs in production.
 */
final class LoadServer implements AutoCloseable {

    private final Process process;
    final URI base;
    final URI management;

    private LoadServer(Process process, URI base, URI management) {
        this.process = process;
        this.base = base;
        this.management = management;
    }

    static LoadServer start(String databaseUrl, String username, String password, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            jar = jars.filter(path -> path.getFileName().toString().matches("server-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No server jar in server/target: run ./mvnw -B package -DskipTests before the benchmark"));
        }
        int port = freePort();
        int managementPort = freePort();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> environment = new HashMap<>(Map.of(
                "DATASOURCES_DEFAULT_URL", databaseUrl,
                "DATASOURCES_DEFAULT_USERNAME", username,
                "DATASOURCES_DEFAULT_PASSWORD", password,
                "PORT", String.valueOf(port),
                "ENDPOINTS_ALL_PORT", String.valueOf(managementPort),
                "JWT_GENERATOR_SIGNATURE_SECRET", HexFormat.of().formatHex(secret),
                // The benchmark signs in from one address, far more often than one person would.
                "WIJKOPMAAT_SECURITY_ADDRESS_LIMITS_ENABLED", "false",
                // It sends no mail, but the server wants a mail host outside development.
                "WIJKOPMAAT_MAIL_SMTP_HOST", "127.0.0.1"));
        environment.putAll(settings);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "load-server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        LoadServer server = new LoadServer(builder.start(), URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + managementPort));
        server.awaitHealth();
        return server;
    }

    /** The management port when the server has one, otherwise the public port. */
    URI metricsBase() {
        return reachable(management.resolve("/health")) ? management : base;
    }

    private void awaitHealth() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped during start-up; see server/target/load-server.log");
            }
            if (reachable(base.resolve("/health")) || reachable(management.resolve("/health"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server was not UP within 3 minutes; see server/target/load-server.log");
    }

    private static boolean reachable(URI health) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
