package nl.wijkopmaat.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.notification.NotificationCommands.CategorySwitches;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PreferencesTest {

    private static final Map<String, Object> QUIET = Map.of("start", "22:00", "end", "08:00");

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    Person person;

    @BeforeEach
    void setUp() {
        person = fixtures.resident(fixtures.municipality().id());
    }

    /** Every switch on, except {@code property} set to {@code value}. */
    static Map<String, Object> allOn(String property, Object value) {
        Map<String, Object> push = new LinkedHashMap<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            push.put(category.property(), true);
        }
        push.put(property, value);
        return push;
    }

    private ApiResponse put(Map<String, Object> push) {
        return api.put("/api/v1/me/notification-preferences").token(person.accessToken()).invalidInput()
                .json(Map.of("push", push, "quietHours", QUIET)).send();
    }

    @Test
    void everyCategoryHasACamelCaseSwitchInTheServerAndTheContract() {
        assertThat(NotificationCategory.RIGHT_TO_CHALLENGE.property()).isEqualTo("rightToChallenge");
        assertThat(NotificationCategory.DIALOOGTAFELS.property()).isEqualTo("dialoogtafels");
        List<String> expected = Arrays.stream(NotificationCategory.values()).map(NotificationCategory::property).toList();
        assertThat(Arrays.stream(CategorySwitches.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(expected);
        JsonNode schemas = api.get("/api/v1/openapi.json").send().json().at("/components/schemas");
        for (String schema : List.of("PushSwitches", "PushSwitchesUpdate", "MailSwitches", "MailSwitchesUpdate")) {
            List<String> properties = new ArrayList<>();
            schemas.at("/" + schema + "/properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schemas.at("/" + schema + "/required").forEach(name -> required.add(name.asText()));
            assertThat(properties).as(schema).containsExactlyElementsOf(expected);
            assertThat(required).as(schema).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void everySwitchIsOnByDefaultAndQuietHoursAreTenToEight() {
        ApiResponse defaults = api.get("/api/v1/me/notification-preferences").token(person.accessToken()).send();
        assertThat(defaults.status()).isEqualTo(200);
        for (NotificationCategory category : NotificationCategory.values()) {
            assertThat(defaults.json().at("/push/" + category.property()).isBoolean()).as(category.name()).isTrue();
            assertThat(defaults.json().at("/push/" + category.property()).asBoolean()).as(category.name()).isTrue();
        }
        assertThat(defaults.text("/quietHours/start")).isEqualTo("22:00");
        assertThat(defaults.text("/quietHours/end")).isEqualTo("08:00");
    }

    @Test
    void mailIsOnByDefaultForDialoogtafelsOnlyAndAChangeWithoutMailKeepsIt() {
        ApiResponse defaults = api.get("/api/v1/me/notification-preferences").token(person.accessToken()).send();
        for (NotificationCategory category : NotificationCategory.values()) {
            assertThat(defaults.json().at("/mail/" + category.property()).asBoolean()).as(category.name())
                    .isEqualTo(category == NotificationCategory.DIALOOGTAFELS);
        }
        Map<String, Object> mail = new LinkedHashMap<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            mail.put(category.property(), category == NotificationCategory.VOLUNTEERING);
        }
        ApiResponse changed = api.put("/api/v1/me/notification-preferences").token(person.accessToken())
                .json(Map.of("push", allOn("reminders", false), "mail", mail, "quietHours", QUIET)).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().at("/mail/dialoogtafels").asBoolean()).isFalse();
        assertThat(changed.json().at("/mail/volunteering").asBoolean()).isTrue();

        ApiResponse pushOnly = put(allOn("reminders", true));
        assertThat(pushOnly.json().at("/push/reminders").asBoolean()).isTrue();
        assertThat(pushOnly.json().at("/mail/dialoogtafels").asBoolean()).as("mail kept").isFalse();
        assertThat(pushOnly.json().at("/mail/volunteering").asBoolean()).as("mail kept").isTrue();

        mail.remove("reminders");
        ApiResponse incomplete = api.put("/api/v1/me/notification-preferences").token(person.accessToken()).invalidInput()
                .json(Map.of("push", allOn("reminders", true), "mail", mail, "quietHours", QUIET)).send();
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("invalidParams").findValuesAsText("name")).containsExactly("mail.reminders");
    }

    @Test
    void eachSwitchIsStoredUnderItsOwnCategory() {
        for (NotificationCategory category : NotificationCategory.values()) {
            ApiResponse updated = put(allOn(category.property(), false));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            for (NotificationCategory other : NotificationCategory.values()) {
                assertThat(updated.json().at("/push/" + other.property()).asBoolean())
                        .as(other.property() + " after switching off " + category.property()).isEqualTo(other != category);
            }
        }
        ApiResponse read = api.get("/api/v1/me/notification-preferences").token(person.accessToken()).send();
        assertThat(read.json().at("/push/reminders").asBoolean()).isFalse();
        assertThat(read.json().at("/push/myInitiatives").asBoolean()).isTrue();
    }

    @Test
    void aMissingOrNullSwitchIsA400NamingIt() {
        Map<String, Object> missing = allOn("myInitiatives", true);
        missing.remove("myInitiatives");
        missing.remove("rightToChallenge");
        ApiResponse response = put(missing);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name"))
                .containsExactly("push.myInitiatives", "push.rightToChallenge");

        Map<String, Object> nullSwitch = new HashMap<>(allOn("reminders", true));
        nullSwitch.put("reminders", null);
        ApiResponse nothing = put(nullSwitch);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("invalidParams").findValuesAsText("name")).containsExactly("push.reminders");
    }

    @Test
    void aSwitchThatIsNotABooleanIsA400NamingIt() {
        for (Object notABoolean : List.of("ja", "true", 1, 0, Map.of("on", true), List.of(true))) {
            ApiResponse response = put(allOn("supportedInitiatives", notABoolean));
            assertThat(response.status()).as(String.valueOf(notABoolean)).isEqualTo(400);
            assertThat(response.json().get("invalidParams").findValuesAsText("name")).as(response.body())
                    .containsExactly("push.supportedInitiatives");
        }
        assertThat(api.get("/api/v1/me/notification-preferences").token(person.accessToken()).send()
                .json().at("/push/supportedInitiatives").asBoolean()).as("nothing was stored").isTrue();
    }

    @Test
    void badQuietHoursAreNamedToo() {
        ApiResponse bad = api.put("/api/v1/me/notification-preferences").token(person.accessToken()).invalidInput()
                .json(Map.of("push", allOn("myInitiatives", true), "quietHours", Map.of("start", "25:00", "end", "7:00")))
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").findValuesAsText("name"))
                .containsExactly("quietHours.end", "quietHours.start");
    }
}
