package nl.wijkopmaat.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the portal's pages: keeps its cookies (also the Secure ones,
 * which java.net's cookie handler would not send over plain HTTP), follows no redirects, and sends
 * the CSRF token of the last page it read with every form.
 */
public class PortalClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastCsrfToken;

    public PortalClient(String base) {
        this.base = base;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts the form with the CSRF token of the last page read. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (lastCsrfToken != null) {
            withToken.put("csrfToken", lastCsrfToken);
        }
        return postRaw(path, withToken);
    }

    /** Posts exactly these fields, without adding a token. */
    public Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private Page send(HttpRequest.Builder builder) {
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String setCookie : setCookies) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher token = CSRF_FIELD.matcher(response.body());
            if (token.find()) {
                lastCsrfToken = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().map(), setCookies);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response of the portal. */
    public record Page(int status, String html, Map<String, List<String>> headers, List<String> setCookies) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        /** The message shown beside a field: the text of its error element. */
        public String errorOf(String field) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\">([^<]*)<").matcher(html);
            return m.find() ? m.group(1) : null;
        }
    }
}
