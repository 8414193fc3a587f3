package nl.wijkopmaat.common.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
        return parsed(index, Long::parseLong);
    }

    public String text(int index) {
        return parsed(index, Function.identity());
    }

    public UUID uuid(int index) {
        return parsed(index, UUID::fromString);
    }

    public Instant instant(int index) {
        return parsed(index, Instant::parse);
    }

    public LocalDate date(int index) {
        return parsed(index, LocalDate::parse);
    }

    /** A cursor that does not hold what its list expects is the client's error, not ours. */
    private <V> V parsed(int index, Function<String, V> parser) {
        if (index >= parts.size()) {
            throw PageRequest.invalidCursor();
        }
        try {
            return parser.apply(parts.get(index));
        } catch (RuntimeException unreadable) {
            throw PageRequest.invalidCursor();
        }
    }
}
