package nl.wijkopmaat.dialoogtafel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A dialoogtafel as an iCalendar (RFC 5545) file with one VEVENT in UTC times, for a phone's agenda:
 * text escaped, lines folded at 75 octets, CRLF line ends. A cancelled table is a CANCELLED event, so
 * that an agenda that has it already can show that.
 */
final class DialoogtafelCalendar {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;

    private DialoogtafelCalendar() {
    }

    static String render(Dialoogtafel table, boolean withLink, String facilitatorLabel, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Wijk op Maat//Dialoogtafels//NL");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:dialoogtafel-" + table.id() + "@wijkopmaat.nl");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "LAST-MODIFIED:" + UTC.format(table.updatedAt()));
        line(ics, "DTSTART:" + UTC.format(table.startsAt()));
        line(ics, "DTEND:" + UTC.format(table.endsAt()));
        line(ics, "SUMMARY:" + text(table.title()));
        StringBuilder description = new StringBuilder(table.description());
        if (table.facilitatorName() != null) {
            description.append("\n\n").append(facilitatorLabel).append(": ").append(table.facilitatorName());
        }
        if (withLink && table.onlineLink() != null) {
            description.append("\n\n").append(table.onlineLink());
        }
        line(ics, "DESCRIPTION:" + text(description.toString()));
        String where = table.where();
        if (where != null) {
            line(ics, "LOCATION:" + text(withLink && table.placeName() == null ? table.onlineLink() : where));
        }
        if (withLink && table.onlineLink() != null) {
            line(ics, "URL:" + table.onlineLink());
        }
        line(ics, "STATUS:" + (table.status() == DialoogtafelStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values: backslash, semicolon, comma and line ends escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** One content line, folded so that no physical line is longer than 75 octets, never inside a character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int offset = 0;
        while (offset < content.length()) {
            int codePoint = content.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > LINE_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            offset += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
