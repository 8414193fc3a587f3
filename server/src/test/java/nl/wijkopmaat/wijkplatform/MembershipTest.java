package nl.wijkopmaat.wijkplatform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MembershipTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;
    WijkDetail wijkA;
    WijkDetail wijkB;
    Person admin;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        wijkA = fixtures.wijk(municipality.id(), "Noord");
        wijkB = fixtures.wijk(municipality.id(), "Zuid");
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
    }

    private String membersPath(WijkDetail wijk) {
        return "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/members";
    }

    private ApiResponse setMembers(Person actor, WijkDetail wijk, List<Map<String, String>> members) {
        return api.put(membersPath(wijk)).token(actor.accessToken()).json(Map.of("members", members)).send();
    }

    @Test
    void adminAssignsChairAndSecretaryWhoThenReadTheMembers() {
        Person chair = fixtures.resident(municipality.id());
        Person secretary = fixtures.resident(municipality.id());
        ApiResponse set = setMembers(admin, wijkA, List.of(
                Map.of("email", chair.email(), "role", "CHAIR"),
                Map.of("email", secretary.email(), "role", "SECRETARY")));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("items").findValuesAsText("role")).containsExactlyInAnyOrder("CHAIR", "SECRETARY");

        ApiResponse read = api.get(membersPath(wijkA)).token(chair.accessToken()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("items").findValuesAsText("email")).containsExactlyInAnyOrder(chair.email(), secretary.email());

        ApiResponse me = api.get("/api/v1/me").token(chair.accessToken()).send();
        assertThat(me.text("/roles/0/role")).isEqualTo("CHAIR");
        assertThat(me.text("/roles/0/scopeId")).isEqualTo(wijkA.wijkplatform().id().toString());
    }

    @Test
    void chairOfOnePlatformHasNoPowerOverAnother() {
        Person chairOfA = fixtures.withRole(municipality.id(), Role.CHAIR, wijkA.wijkplatform().id());
        ApiResponse response = api.get(membersPath(wijkB)).token(chairOfA.accessToken()).send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(setMembers(chairOfA, wijkA, List.of()).status()).as("a chair does not appoint").isEqualTo(403);
    }

    @Test
    void adminOfOneMunicipalityCannotAssignRolesInAnother() {
        MunicipalityView other = fixtures.municipality();
        WijkDetail otherWijk = fixtures.wijk(other.id());
        Person resident = fixtures.resident(other.id());
        assertThat(setMembers(admin, otherWijk, List.of(Map.of("email", resident.email(), "role", "CHAIR"))).status())
                .isEqualTo(403);
        ApiResponse staff = api.post("/api/v1/municipalities/" + other.id() + "/staff").token(admin.accessToken())
                .json(Map.of("email", resident.email(), "role", "OFFICIAL")).send();
        assertThat(staff.status()).isEqualTo(403);
    }

    @Test
    void revokingTheChairTakesEffectOnTheNextRequest() {
        Person chair = fixtures.resident(municipality.id());
        setMembers(admin, wijkA, List.of(Map.of("email", chair.email(), "role", "CHAIR")));
        assertThat(api.get(membersPath(wijkA)).token(chair.accessToken()).send().status()).isEqualTo(200);

        assertThat(setMembers(admin, wijkA, List.of()).status()).isEqualTo(200);

        assertThat(api.get(membersPath(wijkA)).token(chair.accessToken()).send().status())
                .as("same, unexpired token").isEqualTo(403);
    }

    @Test
    void twoChairsAreInvalid() {
        Person one = fixtures.resident(municipality.id());
        ApiResponse response = api.put(membersPath(wijkA)).token(admin.accessToken()).json(Map.of("members", List.of(
                Map.of("email", one.email(), "role", "CHAIR"),
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "role", "CHAIR")))).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name")).containsExactly("members[1].role");
        assertThat(api.get(membersPath(wijkA)).token(admin.accessToken()).send().json().get("items")).isEmpty();
    }

    @Test
    void concurrentBoardChangesLeaveOneChair() {
        List<Person> candidates = IntStream.range(0, 6).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = candidates.stream()
                    .map(candidate -> CompletableFuture.supplyAsync(() -> setMembers(admin, wijkA,
                            List.of(Map.of("email", candidate.email(), "role", "CHAIR"))).status(), pool))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        ApiResponse members = api.get(membersPath(wijkA)).token(admin.accessToken()).send();
        assertThat(members.json().get("items").findValuesAsText("role")).containsExactly("CHAIR");
    }

    @Test
    void twoAdminsRevokingEachOtherAtOnceLeaveOneAdmin() {
        Person second = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        String staffPath = "/api/v1/municipalities/" + municipality.id() + "/staff";
        JsonNode staff = api.get(staffPath).token(admin.accessToken()).send().json().get("items");
        String firstAssignment = assignmentOf(staff, admin);
        String secondAssignment = assignmentOf(staff, second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var one = CompletableFuture.supplyAsync(() ->
                    api.delete(staffPath + "/" + secondAssignment).token(admin.accessToken()).send().status(), pool);
            var other = CompletableFuture.supplyAsync(() ->
                    api.delete(staffPath + "/" + firstAssignment).token(second.accessToken()).send().status(), pool);
            assertThat(List.of(one.join(), other.join())).contains(204).doesNotContain(500);
        } finally {
            pool.shutdown();
        }
        ApiResponse remaining = api.get(staffPath).token(admin.accessToken()).send();
        ApiResponse remainingForSecond = api.get(staffPath).token(second.accessToken()).send();
        int admins = remaining.status() == 200 ? remaining.json().get("items").size() : remainingForSecond.json().get("items").size();
        assertThat(admins).isEqualTo(1);
    }

    @Test
    void anAdminOfAnotherMunicipalityCannotReadOrRevokeStaff() {
        MunicipalityView other = fixtures.municipality();
        Person otherAdmin = fixtures.withRole(other.id(), Role.ADMIN, other.id());
        String staffPath = "/api/v1/municipalities/" + municipality.id() + "/staff";
        String adminAssignment = assignmentOf(api.get(staffPath).token(admin.accessToken()).send().json().get("items"), admin);
        assertThat(api.get(staffPath).token(otherAdmin.accessToken()).send().status()).isEqualTo(403);
        assertThat(api.delete(staffPath + "/" + adminAssignment).token(otherAdmin.accessToken()).send().status()).isEqualTo(403);
        String otherPath = "/api/v1/municipalities/" + other.id() + "/staff";
        assertThat(api.delete(otherPath + "/" + adminAssignment).token(otherAdmin.accessToken()).send().status())
                .as("an assignment of another municipality is unknown here").isEqualTo(404);
    }

    private static String assignmentOf(JsonNode staff, Person person) {
        for (JsonNode assignment : staff) {
            if (assignment.get("accountId").asText().equals(person.id().toString())) {
                return assignment.get("id").asText();
            }
        }
        throw new AssertionError("no assignment for " + person.id());
    }

    @Test
    void adminManagesStaffButNeverRemovesTheLastAdmin() {
        Person official = fixtures.resident(municipality.id());
        String staffPath = "/api/v1/municipalities/" + municipality.id() + "/staff";
        ApiResponse assigned = api.post(staffPath).token(admin.accessToken())
                .json(Map.of("email", official.email(), "role", "OFFICIAL")).send();
        assertThat(assigned.status()).isEqualTo(201);
        assertThat(api.post(staffPath).token(admin.accessToken())
                .json(Map.of("email", official.email(), "role", "OFFICIAL")).send().status()).isEqualTo(409);

        ApiResponse list = api.get(staffPath).token(admin.accessToken()).query("limit", 1).send();
        assertThat(list.json().get("items")).hasSize(1);
        String next = list.text("/nextCursor");
        ApiResponse second = api.get(staffPath).token(admin.accessToken()).query("limit", 1).query("cursor", next).send();
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();

        String adminAssignment = list.json().get("items").get(0).get("role").asText().equals("ADMIN")
                ? list.text("/items/0/id") : second.text("/items/0/id");
        ApiResponse lastAdmin = api.delete(staffPath + "/" + adminAssignment).token(admin.accessToken()).send();
        assertThat(lastAdmin.status()).isEqualTo(409);

        ApiResponse revoke = api.delete(staffPath + "/" + assigned.text("/id")).token(admin.accessToken()).send();
        assertThat(revoke.status()).isEqualTo(204);
    }
}
