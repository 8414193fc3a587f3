package nl.wijkopmaat.common.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The sort key of the last row of the previous page, read from a verified cursor. The values are
 * the sort columns themselves, so the next page is a range scan of the list's index from there.
 */
public final class CursorKey {

    private final List<String> parts;

    CursorKey(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    public long number(int index) {
        try {
            return Long.parseLong(part(index));
        } catch (NumberFormatException e) {
            throw PageRequest.invalidCursor();
        }
    }

    public String text(int index) {
        return part(index);
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(part(index));
        } catch (IllegalArgumentException e) {
            throw PageRequest.invalidCursor();
        }
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(part(index));
        } catch (DateTimeParseException e) {
            throw PageRequest.invalidCursor();
        }
    }

    public LocalDate date(int index) {
        try {
            return LocalDate.parse(part(index));
        } catch (DateTimeParseException e) {
            throw PageRequest.invalidCursor();
        }
    }

    private String part(int index) {
        if (index >= parts.size()) {
            throw PageRequest.invalidCursor();
        }
        return parts.get(index);
    }
}
