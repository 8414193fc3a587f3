import nl.wijkopmaat.client.model.CommentPage;
import nl.wijkopmaat.client.model.Initiative;
import nl.wijkopmaat.client.model.InitiativePage;
import nl.wijkopmaat.client.model.InitiativeStatus;

/**
 * Reads answers of the server with the generated okhttp-gson client, as the Android app does:
 * person references that are null, and a field this client does not know yet (added to the
 * server after the app was built). Run it with the client's classes and dependencies on the
 * class path; it fails with an exception when the client cannot read them.
 */
public class OkHttpGsonReadsResponses {

    private static final String INITIATIVES = """
            {
              "items": [{
                "id": "0b9c8f2e-6a1d-4c3b-9e7f-2d5a8c1b4e60",
                "title": "Moestuin op het Moskeeplein",
                "description": "Samen met buren een moestuin aanleggen en onderhouden.",
                "theme": "GROEN",
                "municipalityId": "3f6c1a8e-2b7d-4c1e-9a55-0d2b7f1e4c90",
                "wijkId": "7d2e4b6a-1c3f-4a5e-8b9d-0f1e2a3b4c5d",
                "buurtId": null,
                "locationText": null,
                "latitude": null,
                "longitude": null,
                "requestedBudgetCents": 150000,
                "status": "SUBMITTED",
                "author": {"id": "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170", "displayName": null},
                "owner": null,
                "answerDueDate": null,
                "resultReport": null,
                "supportCount": 0,
                "supportedByMe": false,
                "createdAt": "2025-01-15T09:30:00Z",
                "updatedAt": "2025-01-16T14:00:00Z",
                "submittedAt": "2025-01-16T14:00:00Z",
                "fieldAddedLater": {"shownFrom": "2026-01-01"}
              }],
              "nextCursor": null
            }
            """;

    private static final String COMMENTS = """
            {
              "items": [{
                "id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                "author": null,
                "body": "Goed plan, ik help graag mee!",
                "hidden": false,
                "hiddenReason": null,
                "createdAt": "2025-01-17T08:15:00Z"
              }],
              "nextCursor": "eyJzZXEiOjF9"
            }
            """;

    public static void main(String[] args) throws Exception {
        Initiative initiative = InitiativePage.fromJson(INITIATIVES).getItems().get(0);
        check(initiative.getStatus() == InitiativeStatus.SUBMITTED, "status is read");
        check(initiative.getOwner() == null, "an owner that is null is read as null");
        check(initiative.getAuthor().getDisplayName() == null, "a removed author has no name");
        check(initiative.getAdditionalProperty("fieldAddedLater") != null, "an unknown field is accepted");

        check(CommentPage.fromJson(COMMENTS).getItems().get(0).getAuthor() == null,
                "a comment of a removed account has no author");
        System.out.println("okhttp-gson client reads null person references and unknown fields");
    }

    private static void check(boolean holds, String expectation) {
        if (!holds) {
            throw new AssertionError("expected: " + expectation);
        }
    }
}
