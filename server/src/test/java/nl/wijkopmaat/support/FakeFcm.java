package nl.wijkopmaat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of Firebase Cloud Messaging for tests: the real Firebase Admin SDK sends its real
 * requests here. It records them and answers like FCM v1 does: a message name on success, or an
 * error body that the SDK maps to a {@code MessagingErrorCode}. Thread-safe, as {@code sendEach}
 * sends from several threads.
 */
public class FakeFcm extends MockHttpTransport {

    public static final String SEND_URL = "https://fcm.googleapis.com/v1/projects/demo/messages:send";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What FCM answers for one token. */
    public record Answer(int status, String errorCode, String retryAfter) {
        public static final Answer OK = new Answer(200, null, null);

        public static Answer unregistered() {
            return new Answer(404, "UNREGISTERED", null);
        }

        public static Answer unavailable() {
            return new Answer(503, "UNAVAILABLE", null);
        }

        public static Answer quotaExceeded(int retryAfterSeconds) {
            return new Answer(429, "QUOTA_EXCEEDED", String.valueOf(retryAfterSeconds));
        }

        /** A payload FCM refuses, which says nothing about the token. */
        public static Answer invalidPayload() {
            return new Answer(400, "INVALID_ARGUMENT", null);
        }

        /** A proxy in between answering with a whole HTML page instead of JSON. */
        public static Answer badGatewayPage() {
            return new Answer(502, null, "120");
        }
    }

    /** A request as the SDK sent it. */
    public record Sent(String url, String authorization, JsonNode message) {
        public String token() {
            return message.path("token").asText();
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, List<Answer>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final boolean record;
    private final Duration roundTrip;

    public FakeFcm() {
        this(true, Duration.ZERO);
    }

    /**
     * Without recording, for the benchmark: it only answers, after {@code roundTrip}, as long as a
     * request to Google takes (zero answers at once).
     */
    public FakeFcm(boolean record, Duration roundTrip) {
        this.record = record;
        this.roundTrip = roundTrip;
    }

    /** The next answers for a token, in order; after them, success. */
    public void script(String token, Answer... answers) {
        scripted.put(token, new CopyOnWriteArrayList<>(List.of(answers)));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(String token) {
        return sent.stream().filter(request -> request.token().equals(token)).toList();
    }

    public void clear() {
        sent.clear();
        scripted.clear();
    }

    private void pause() throws IOException {
        if (roundTrip.isZero()) {
            return;
        }
        try {
            Thread.sleep(roundTrip.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the simulated round trip");
        }
    }

    @Override
    public LowLevelHttpRequest buildRequest(String method, String url) {
        return new MockLowLevelHttpRequest(url) {
            @Override
            public LowLevelHttpResponse execute() throws IOException {
                pause();
                JsonNode message = JSON.readTree(getContentAsString()).path("message");
                if (record) {
                    String authorization = getFirstHeaderValue("Authorization");
                    sent.add(new Sent(url, authorization, message));
                }
                return respond(nextAnswer(message.path("token").asText()));
            }
        };
    }

    private Answer nextAnswer(String token) {
        List<Answer> answers = scripted.get(token);
        if (answers == null || answers.isEmpty()) {
            return Answer.OK;
        }
        return answers.remove(0);
    }

    private MockLowLevelHttpResponse respond(Answer answer) {
        MockLowLevelHttpResponse response = new MockLowLevelHttpResponse()
                .setStatusCode(answer.status())
                .setContentType("application/json");
        if (answer.status() == 200) {
            return response.setContent("{\"name\":\"projects/demo/messages/" + ids.incrementAndGet() + "\"}");
        }
        if (answer.retryAfter() != null) {
            response.addHeader("Retry-After", answer.retryAfter());
        }
        if (answer.errorCode() == null) {
            return response.setContentType("text/html")
                    .setContent("<html><body>" + "Bad gateway. ".repeat(200) + "</body></html>");
        }
        return response.setContent(errorBody(answer));
    }

    private static String errorBody(Answer answer) {
        try {
            return JSON.writeValueAsString(Map.of("error", Map.of(
                    "code", answer.status(),
                    "message", "Simulated " + answer.errorCode(),
                    "status", switch (answer.status()) {
                        case 400 -> "INVALID_ARGUMENT";
                        case 404 -> "NOT_FOUND";
                        case 429 -> "RESOURCE_EXHAUSTED";
                        default -> "UNAVAILABLE";
                    },
                    "details", List.of(Map.of(
                            "@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                            "errorCode", answer.errorCode())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns a list of requests into their tokens, for assertions. */
    public static List<String> tokens(List<Sent> requests) {
        List<String> tokens = new ArrayList<>();
        requests.stream().map(Sent::token).forEach(tokens::add);
        return tokens;
    }
}
