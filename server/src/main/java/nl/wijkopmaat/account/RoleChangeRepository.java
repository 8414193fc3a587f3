package nl.wijkopmaat.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RoleChangeRepository extends CrudRepository<RoleChange, UUID> {

    List<RoleChange> findByAccountIdOrderByChangedAt(UUID accountId);
}
