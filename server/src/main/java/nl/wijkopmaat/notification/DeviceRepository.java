package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DeviceRepository extends CrudRepository<Device, UUID> {

    @Query("SELECT * FROM device WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<Device> findByTokenHashForUpdate(String tokenHash);

    @Query("DELETE FROM device WHERE id = :id AND account_id = :accountId")
    int deleteOwn(UUID id, UUID accountId);

    List<Device> findByAccountIdIn(Collection<UUID> accountIds);

    List<Device> findByAccountId(UUID accountId);

    void deleteByAccountId(UUID accountId);

    void deleteByTokenHash(String tokenHash);
}
