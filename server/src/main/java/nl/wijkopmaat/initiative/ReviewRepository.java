package nl.wijkopmaat.initiative;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReviewRepository extends CrudRepository<Review, UUID> {

    @Query("SELECT * FROM initiative_review WHERE initiative_id = :initiativeId ORDER BY seq LIMIT :limit")
    List<Review> firstPage(UUID initiativeId, int limit);

    /**
     * The hint keeps MariaDB on a range from the cursor's row: it otherwise prefers a ref on the
     * prefix and reads the list from its start.
     */
    @Query("""
            SELECT * FROM initiative_review FORCE INDEX (ix_review_initiative)
            WHERE initiative_id = :initiativeId AND seq > :afterSeq
            ORDER BY seq LIMIT :limit""")
    List<Review> pageAfter(UUID initiativeId, long afterSeq, int limit);

    List<Review> findByReviewerIdOrderByReviewedAt(UUID reviewerId);

    @Query("UPDATE initiative_review SET reviewer_id = NULL WHERE reviewer_id = :reviewerId")
    void detachReviewer(UUID reviewerId);
}
