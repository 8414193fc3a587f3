package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ChallengeRepository extends CrudRepository<Challenge, UUID> {

    /** Every step on a proposal, and every change of its group, is made one after the other. */
    @Query("SELECT * FROM challenge WHERE id = :id FOR UPDATE")
    Optional<Challenge> findByIdForUpdate(UUID id);

    Optional<Challenge> findFirstByWijkIdAndTitle(UUID wijkId, String title);

    @Query("SELECT COUNT(*) > 0 FROM challenge_member WHERE challenge_id = :id AND account_id = :accountId")
    boolean isMember(UUID id, UUID accountId);

    @Query("""
            INSERT INTO challenge_member (challenge_id, account_id, challenge_seq, joined_at)
            VALUES (:id, :accountId, :seq, :joinedAt)""")
    void addMember(UUID id, UUID accountId, long seq, Instant joinedAt);

    @Query("SELECT joined_at FROM challenge_member WHERE challenge_id = :id AND account_id = :accountId")
    Instant joinedAt(UUID id, UUID accountId);

    /** The group in the order its members joined. */
    @Query("SELECT account_id FROM challenge_member WHERE challenge_id = :id ORDER BY seq")
    List<String> membersOf(UUID id);

    @Query("SELECT challenge_id FROM challenge_member WHERE account_id = :accountId ORDER BY challenge_seq")
    List<String> membershipsOf(UUID accountId);

    /** The person's groups, oldest first, with each group's contact and since when, in one statement. */
    @Query("""
            SELECT c.id, c.title, c.status, c.contact_id, m.joined_at
            FROM challenge_member m JOIN challenge c ON c.id = m.challenge_id
            WHERE m.account_id = :accountId ORDER BY m.challenge_seq""")
    List<Membership> groupsOf(UUID accountId);

    @Introspected
    record Membership(UUID id, String title, ChallengeStatus status, @Nullable UUID contactId, Instant joinedAt) {
    }

    @Query("DELETE FROM challenge_member WHERE account_id = :accountId")
    void removeMember(UUID accountId);

    List<Challenge> findByContactIdOrderByCreatedAt(UUID contactId);

    /** The proposals whose agreement starts on or before {@code today} and that still wait for it. */
    @Query("""
            SELECT c.id FROM challenge_agreement a JOIN challenge c ON c.id = a.challenge_id
            WHERE a.start_date <= :today AND c.status = 'ACCEPTED' ORDER BY a.start_date LIMIT :limit""")
    List<String> dueForExecution(LocalDate today, int limit);
}
