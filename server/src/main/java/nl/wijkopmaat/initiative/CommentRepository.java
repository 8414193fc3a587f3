package nl.wijkopmaat.initiative;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CommentRepository extends CrudRepository<Comment, UUID> {

    Optional<Comment> findByIdAndInitiativeId(UUID id, UUID initiativeId);

    @Query("SELECT * FROM initiative_comment WHERE initiative_id = :initiativeId AND deleted_at IS NULL ORDER BY seq LIMIT :limit")
    List<Comment> firstPage(UUID initiativeId, int limit);

    /**
     * The hint keeps MariaDB on a range from the cursor's row: it otherwise prefers a ref on the
     * prefix and reads the list from its start.
     */
    @Query("""
            SELECT * FROM initiative_comment FORCE INDEX (ix_comment_initiative_live)
            WHERE initiative_id = :initiativeId AND deleted_at IS NULL AND seq > :afterSeq
            ORDER BY seq LIMIT :limit""")
    List<Comment> pageAfter(UUID initiativeId, long afterSeq, int limit);

    @Query("SELECT * FROM initiative_comment WHERE author_id = :authorId AND deleted_at IS NULL ORDER BY seq")
    List<Comment> findByAuthor(UUID authorId);

    /** The comments the person hid as a moderator, in the order they were written. */
    List<Comment> findByHiddenByOrderBySeq(UUID hiddenBy);

    @Query("UPDATE initiative_comment SET author_id = NULL WHERE author_id = :authorId")
    void detachAuthor(UUID authorId);

    @Query("""
            DELETE FROM initiative_comment
            WHERE initiative_id IN (SELECT id FROM initiative WHERE author_id = :authorId AND submitted_at IS NULL)""")
    void deleteOnUnsubmittedOf(UUID authorId);

    @Query("UPDATE initiative_comment SET hidden_by = NULL WHERE hidden_by = :moderatorId")
    void detachModerator(UUID moderatorId);

    /** Deleting keeps the row but not the text. */
    @Query("UPDATE initiative_comment SET body = '', deleted_at = :now WHERE id = :id")
    void markDeleted(UUID id, Instant now);
}
