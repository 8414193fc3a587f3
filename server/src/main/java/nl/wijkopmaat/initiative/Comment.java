package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A comment; {@code seq}, its place in the order of arrival, is given by the database and null until read back. */
@MappedEntity("initiative_comment")
record Comment(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID initiativeId, @Nullable UUID authorId, String body, Instant createdAt,
               @Nullable Instant hiddenAt, @Nullable UUID hiddenBy, @Nullable String hiddenReason,
               @Nullable Instant deletedAt) {

    Comment hidden(UUID moderator, String reason, Instant now) {
        return new Comment(id, seq, initiativeId, authorId, body, createdAt, now, moderator, reason, deletedAt);
    }
}
