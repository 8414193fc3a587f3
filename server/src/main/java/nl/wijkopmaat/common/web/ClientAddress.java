package nl.wijkopmaat.common.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the
 * request comes from one of the trusted proxies ({@code WIJKOPMAAT_HTTP_TRUSTED_PROXIES}); then
 * the client is the right-most address in it that is not a trusted proxy itself. Anyone can write
 * that header, so without the setting it is ignored.
 */
@Singleton
public class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String UNKNOWN = "unknown";

    private final Set<String> trustedProxies;

    ClientAddress(@Value("${wijkopmaat.http.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip)
                .filter(address -> !address.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
                ? UNKNOWN : request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll(FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(address -> !address.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return peer;
    }
}
