package nl.wijkopmaat.volunteering;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OpportunityRepository extends CrudRepository<Opportunity, UUID> {

    /** Changes to an opportunity (its content, coordinators and skills) are made one after the other. */
    @Query("SELECT * FROM volunteer_opportunity WHERE id = :id FOR UPDATE")
    Optional<Opportunity> findByIdForUpdate(UUID id);

    @Query("SELECT skill FROM volunteer_opportunity_skill WHERE opportunity_id = :id ORDER BY skill")
    List<String> skillsOf(UUID id);

    @Query("""
            INSERT INTO volunteer_opportunity_skill (opportunity_id, skill, opportunity_seq)
            VALUES (:id, :skill, :seq)""")
    void addSkill(UUID id, String skill, long seq);

    @Query("DELETE FROM volunteer_opportunity_skill WHERE opportunity_id = :id")
    void clearSkills(UUID id);

    @Query("SELECT account_id FROM volunteer_coordinator WHERE opportunity_id = :id ORDER BY account_id")
    List<String> coordinatorsOf(UUID id);

    @Query("INSERT INTO volunteer_coordinator (opportunity_id, account_id) VALUES (:id, :accountId)")
    void addCoordinator(UUID id, UUID accountId);

    @Query("DELETE FROM volunteer_coordinator WHERE opportunity_id = :id")
    void clearCoordinators(UUID id);

    @Query("SELECT COUNT(*) > 0 FROM volunteer_coordinator WHERE opportunity_id = :id AND account_id = :accountId")
    boolean isCoordinator(UUID id, UUID accountId);

    List<Opportunity> findByOrganiserIdOrderByCreatedAt(UUID organiserId);

    Optional<Opportunity> findFirstByWijkIdAndTitle(UUID wijkId, String title);

    @Query("SELECT opportunity_id FROM volunteer_coordinator WHERE account_id = :accountId ORDER BY opportunity_id")
    List<String> coordinatedBy(UUID accountId);

    @Query("UPDATE volunteer_opportunity SET organiser_id = NULL WHERE organiser_id = :accountId")
    void detachOrganiser(UUID accountId);

    @Query("DELETE FROM volunteer_coordinator WHERE account_id = :accountId")
    void removeCoordinator(UUID accountId);
}
