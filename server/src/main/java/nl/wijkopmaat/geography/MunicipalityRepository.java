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

    @Query("SELECT * FROM municipality ORDER BY name LIMIT :limit")
    List<Municipality> firstPage(int limit);

    /** Names are unique (uk_municipality_name), so the name alone is the bound of the range scanned. */
    @Query("SELECT * FROM municipality WHERE name > :name ORDER BY name LIMIT :limit")
    List<Municipality> pageAfter(String name, int limit);
}
