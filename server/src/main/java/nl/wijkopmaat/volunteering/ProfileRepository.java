package nl.wijkopmaat.volunteering;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProfileRepository extends CrudRepository<Profile, UUID> {

    /** Makes sure the person's profile row exists, in one statement that the primary key decides. */
    @Query("""
            INSERT INTO volunteer_profile (account_id, updated_at) VALUES (:accountId, :now)
            ON DUPLICATE KEY UPDATE account_id = account_id""")
    void ensure(UUID accountId, Instant now);

    @Query("SELECT skill FROM volunteer_profile_skill WHERE account_id = :accountId ORDER BY skill")
    List<String> skillsOf(UUID accountId);

    @Query("INSERT INTO volunteer_profile_skill (account_id, skill) VALUES (:accountId, :skill)")
    void addSkill(UUID accountId, String skill);

    @Query("DELETE FROM volunteer_profile_skill WHERE account_id = :accountId")
    void clearSkills(UUID accountId);

    @Query("DELETE FROM volunteer_profile WHERE account_id = :accountId")
    void remove(UUID accountId);
}
