package nl.wijkopmaat.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DeviceTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    DeviceRepository devices;

    Person resident;
    Person other;

    @BeforeEach
    void setUp() {
        MunicipalityView municipality = fixtures.municipality();
        resident = fixtures.resident(municipality.id());
        other = fixtures.resident(municipality.id());
    }

    private ApiResponse register(Person person, Map<String, Object> device) {
        return api.post("/api/v1/devices").token(person.accessToken()).json(device).send();
    }

    @Test
    void aTokenThatMovesToAnotherAccountBecomesANewDevice() {
        String token = "fcm-" + UUID.randomUUID();
        Map<String, Object> device = Map.of("token", token, "platform", "ANDROID", "locale", "nl");
        String first = register(resident, device).text("/id");

        ApiResponse moved = register(other, device);
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.text("/id")).as("a new id: pushes queued for the old device never reach it").isNotEqualTo(first);
        assertThat(devices.findByAccountId(resident.id())).isEmpty();
        assertThat(devices.findByAccountId(other.id())).extracting(Device::id)
                .containsExactly(UUID.fromString(moved.text("/id")));
    }

    @Test
    void aDeviceIsRemovedByItsIdAndOnlyByItsOwner() {
        String id = register(resident, Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID")).text("/id");
        String path = "/api/v1/devices/" + id;

        ApiResponse notYours = api.delete(path).token(other.accessToken()).send();
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.header("Content-Type")).startsWith("application/problem+json");
        assertThat(devices.findByAccountId(resident.id())).hasSize(1);
        assertThat(api.delete("/api/v1/devices/" + UUID.randomUUID()).token(resident.accessToken()).send().status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/devices/not-a-uuid").token(resident.accessToken()).invalidInput().send().status())
                .isEqualTo(400);

        assertThat(api.delete(path).token(resident.accessToken()).send().status()).isEqualTo(204);
        assertThat(devices.findByAccountId(resident.id())).isEmpty();
        assertThat(api.delete(path).token(resident.accessToken()).send().status()).as("already gone").isEqualTo(404);
    }
}
