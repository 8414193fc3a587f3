package nl.wijkopmaat.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.CapturedLog;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DeviceTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
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
    void registeringAgainUpdatesTheSameDevice() {
        String token = "fcm-" + UUID.randomUUID();
        ApiResponse created = register(resident, Map.of("token", token, "platform", "ANDROID", "locale", "nl"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/devices/" + created.text("/id"));

        ApiResponse again = register(resident, Map.of("token", token, "platform", "IOS", "locale", "en", "appVersion", "2.0.1"));
        assertThat(again.status()).as("registering again changes nothing but the details").isEqualTo(200);
        assertThat(again.text("/id")).isEqualTo(created.text("/id"));
        assertThat(again.text("/createdAt")).isEqualTo(created.text("/createdAt"));
        assertThat(again.text("/platform")).isEqualTo("IOS");
        assertThat(again.text("/locale")).isEqualTo("en");
        assertThat(again.text("/appVersion")).isEqualTo("2.0.1");
        assertThat(devices.findByAccountId(resident.id())).hasSize(1);
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
    void aMoveIsRecordedInTheAuditLogWithAccountIdsOnly() {
        String token = "fcm-" + UUID.randomUUID();
        Map<String, Object> device = Map.of("token", token, "platform", "ANDROID", "locale", "nl");
        register(resident, device);
        try (CapturedLog log = CapturedLog.of("nl.wijkopmaat.audit")) {
            register(other, device);
            assertThat(log.messages()).anySatisfy(line -> assertThat(line)
                    .contains("event=device.moved", "account=" + other.id(), "from=" + resident.id())
                    .doesNotContain(token).doesNotContain("@"));
        }
    }

    @Test
    void anAccountKeepsItsTenNewestDevices() {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 11; i++) {
                clock.setTo(start.plusSeconds(i));
                ids.add(register(resident, Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID")).text("/id"));
            }
        } finally {
            clock.reset();
        }
        assertThat(devices.findByAccountId(resident.id())).extracting(found -> found.id().toString())
                .containsExactlyInAnyOrderElementsOf(ids.subList(1, 11));
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

    /** A race is won or lost by timing, so it is run several times, each time with a token nobody has. */
    @Test
    void sixteenParallelRegistrationsOfANewTokenMakeOneDevice() throws InterruptedException {
        int parallel = 16;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (int round = 0; round < 5; round++) {
                Map<String, Object> device = Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID", "locale", "nl");
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<ApiResponse>> calls = IntStream.range(0, parallel)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                            await(start);
                            return register(resident, device);
                        }, pool))
                        .toList();
                start.countDown();
                List<ApiResponse> responses = calls.stream().map(CompletableFuture::join).toList();

                assertThat(responses).extracting(ApiResponse::status).containsOnly(200, 201);
                assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
                assertThat(responses).extracting(response -> response.text("/id")).containsOnly(responses.get(0).text("/id"));
                assertThat(devices.findByAccountId(resident.id())).hasSize(round + 1);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
