package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WijkRepository extends CrudRepository<Wijk, UUID> {

    Optional<Wijk> findByMunicipalityIdAndName(UUID municipalityId, String name);

    boolean existsByMunicipalityIdAndName(UUID municipalityId, String name);

    List<Wijk> findByMunicipalityIdOrderByName(UUID municipalityId);

    @Query("SELECT * FROM wijk WHERE municipality_id = :municipalityId ORDER BY name LIMIT :limit")
    List<Wijk> firstPage(String municipalityId, int limit);

    /**
     * Names are unique within a municipality (uk_wijk_municipality_name): the name alone bounds the
     * range. The hint keeps MariaDB on that range; it otherwise prefers a ref on the municipality.
     */
    @Query("""
            SELECT * FROM wijk FORCE INDEX (uk_wijk_municipality_name)
            WHERE municipality_id = :municipalityId AND name > :name ORDER BY name LIMIT :limit""")
    List<Wijk> pageAfter(String municipalityId, String name, int limit);
}
