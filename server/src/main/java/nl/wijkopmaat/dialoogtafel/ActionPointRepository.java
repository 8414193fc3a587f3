package nl.wijkopmaat.dialoogtafel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ActionPointRepository extends CrudRepository<ActionPoint, UUID> {

    List<ActionPoint> findByDialoogtafelIdOrderByPosition(UUID dialoogtafelId);

    Optional<ActionPoint> findByIdAndDialoogtafelId(UUID id, UUID dialoogtafelId);

    /** Before a report is saved again: the positions there were move out of the way of the new ones. */
    @Query("UPDATE dialoogtafel_action_point SET position = -position WHERE dialoogtafel_id = :dialoogtafelId")
    void setAside(UUID dialoogtafelId);

    @Query("UPDATE dialoogtafel_action_point SET position = :position, text = :text, taken_up_by = :takenUpBy WHERE id = :id")
    void rewrite(UUID id, int position, String text, String takenUpBy);

    @Query("DELETE FROM dialoogtafel_action_point WHERE id = :id")
    void remove(UUID id);

    @Query("UPDATE dialoogtafel_action_point SET initiative_id = :initiativeId WHERE id = :id")
    void link(UUID id, UUID initiativeId);
}
