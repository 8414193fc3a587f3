package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MunicipalityRepository extends CrudRepository<Municipality, UUID> {

    Optional<Municipality> findByName(String name);

    @Query("SELECT * FROM municipality ORDER BY name, id LIMIT :limit")
    List<Municipality> firstPage(int limit);

    @Query("""
            SELECT * FROM municipality WHERE name >= :name AND (name > :name OR id > :id)
            ORDER BY name, id LIMIT :limit""")
    List<Municipality> pageAfter(String name, String id, int limit);
}
