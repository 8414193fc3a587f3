package nl.wijkopmaat.common.paging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which list a cursor belongs to: the list's name and every filter (and viewer) that shapes its
 * rows. A cursor is accepted only by the list and filters it was made for.
 */
public record ListScope(String list, List<String> filter) {

    public static ListScope of(String list, Object... filter) {
        return new ListScope(list, Arrays.stream(filter).map(value -> Objects.toString(value, "")).toList());
    }
}
