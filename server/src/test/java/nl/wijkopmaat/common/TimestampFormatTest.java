package nl.wijkopmaat.common;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A time reads the same, in one shape, whether it comes from a 201 or from a later GET. */
@MicronautTest(transactional = false)
class TimestampFormatTest {

    private static final String MILLISECONDS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    @Test
    void createdAndReadBackTimesAreEqualMillisecondsInUtc() {
        UUID municipalityId = fixtures.municipality().id();
        UUID wijkId = fixtures.wijk(municipalityId).id();
        Person author = fixtures.resident(municipalityId);

        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", "Speeltuin opknappen", "description", "Nieuwe schommels", "theme", "JONGEREN",
                "wijkId", wijkId.toString(), "requestedBudgetCents", 150_000)).send();
        ApiResponse read = api.get("/api/v1/initiatives/" + created.text("/id")).token(author.accessToken()).send();

        assertThat(created.text("/createdAt")).matches(MILLISECONDS_UTC);
        assertThat(read.text("/createdAt")).isEqualTo(created.text("/createdAt"));
        assertThat(read.text("/updatedAt")).isEqualTo(created.text("/updatedAt"));
    }
}
