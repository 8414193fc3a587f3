package nl.wijkopmaat.geography;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BuurtRepository extends CrudRepository<Buurt, UUID> {

    List<Buurt> findByWijkIdOrderByName(UUID wijkId);

    List<Buurt> findByWijkIdInOrderByName(Collection<UUID> wijkIds);

    boolean existsByWijkIdAndName(UUID wijkId, String name);

    Optional<Buurt> findByWijkIdAndName(UUID wijkId, String name);
}
