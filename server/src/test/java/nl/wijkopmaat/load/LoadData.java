package nl.wijkopmaat.load;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data of the load benchmark, made with bulk SQL in the database itself: one municipality with
 * six wijken of three buurten, 50,000 residents, 100,000 initiatives (one in twenty a draft) and
 * about 1,000,000 supports, most of them for a few popular initiatives. Every value follows from
 * the row number (a fixed multiplicative hash instead of a random generator), so every load makes
 * the same data. Runs on MySQL 8.4 and MariaDB; the database server needs a buffer pool that holds
 * it (about 1 GB, {@code innodb_buffer_pool_size}), as a production server's does.
 */
public final class LoadData {

    public static final String MUNICIPALITY = "Lasthaven";
    static final String PASSWORD = "Lasthaven-belasting-2026";
    static final int RESIDENTS = 50_000;
    static final int INITIATIVES = 100_000;
    static final int SUPPORT_CANDIDATES = 1_050_000;
    /** Residents that sign in during the benchmark; the others only lend their support. */
    static final int SIGN_IN_ACCOUNTS = 200;
    private static final int WIJKEN = 6;
    private static final int BUURTEN_PER_WIJK = 3;
    private static final String[] THEMES = {"LEEFBAARHEID", "VEILIGHEID", "EENZAAMHEID", "GEZONDHEID", "JONGEREN",
            "OUDEREN", "DUURZAAMHEID", "GROEN", "CULTUUR", "ARMOEDE", "OVERIG"};
    private static final String[] STATUSES = {"SUBMITTED", "IN_REVIEW", "APPROVED", "IN_PROGRESS", "COMPLETED", "REJECTED"};

    private final Connection db;

    public LoadData(Connection db) {
        this.db = db;
    }

    /** The wijken of the benchmark municipality, loading everything first when it is not there yet. */
    public List<String> wijken(int bcryptStrength) throws SQLException {
        if (count("SELECT COUNT(*) FROM municipality WHERE name = '" + MUNICIPALITY + "'") == 0) {
            long started = System.nanoTime();
            load(bcryptStrength);
            System.out.printf(Locale.ROOT, "LOAD DATA: %d residents, %d initiatives, %d supports in %.1f s%n",
                    count("SELECT COUNT(*) FROM account WHERE email LIKE 'bewoner-%@lasthaven.example'"),
                    count("SELECT COUNT(*) FROM initiative i JOIN municipality m ON m.id = i.municipality_id WHERE m.name = '"
                            + MUNICIPALITY + "'"),
                    count("SELECT COUNT(*) FROM initiative_support"),
                    (System.nanoTime() - started) / 1e9);
        }
        List<String> wijken = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT w.id FROM wijk w JOIN municipality m ON m.id = w.municipality_id"
                     + " WHERE m.name = '" + MUNICIPALITY + "' ORDER BY w.name")) {
            while (rows.next()) {
                wijken.add(rows.getString(1));
            }
        }
        return wijken;
    }

    static String email(int resident) {
        return "bewoner-" + resident + "@lasthaven.example";
    }

    private void load(int bcryptStrength) throws SQLException {
        // One hash for all residents: they share the password, and hashing 50,000 times would take hours.
        String hash = new BCryptPasswordEncoder(bcryptStrength).encode(PASSWORD);
        // Numbers and numbered rows to join with; plain tables, as MySQL cannot join a temporary one with itself.
        dropHelperTables();
        // The rows are made to fit each other; checking every reference would double the time.
        execute("SET SESSION foreign_key_checks = 0");
        execute("CREATE TABLE load_digit (d INT NOT NULL PRIMARY KEY)");
        execute("INSERT INTO load_digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        execute("CREATE TABLE load_n (n INT NOT NULL PRIMARY KEY)");
        execute("""
                INSERT INTO load_n (n)
                SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d + 1000000 * g.d
                FROM load_digit a, load_digit b, load_digit c, load_digit d, load_digit e, load_digit f, load_digit g
                WHERE g.d < 2""");
        execute("INSERT INTO municipality (id, name, created_at) VALUES (UUID(), '" + MUNICIPALITY + "', UTC_TIMESTAMP())");
        String municipality = "(SELECT id FROM municipality WHERE name = '" + MUNICIPALITY + "')";
        execute("INSERT INTO wijk (id, municipality_id, name, created_at, updated_at)"
                + " SELECT UUID(), " + municipality + ", CONCAT('Wijk ', n + 1), UTC_TIMESTAMP(), UTC_TIMESTAMP()"
                + " FROM load_n WHERE n < " + WIJKEN);
        execute("INSERT INTO wijkplatform (id, wijk_id, name, created_at)"
                + " SELECT UUID(), id, CONCAT('Wijkplatform ', name), UTC_TIMESTAMP() FROM wijk WHERE municipality_id = "
                + municipality);
        execute("INSERT INTO buurt (id, wijk_id, name, created_at, updated_at)"
                + " SELECT UUID(), w.id, CONCAT(w.name, ' buurt ', n.n + 1), UTC_TIMESTAMP(), UTC_TIMESTAMP()"
                + " FROM wijk w JOIN load_n n ON n.n < " + BUURTEN_PER_WIJK + " WHERE w.municipality_id = " + municipality);
        // Buurten (with their wijk) by number, so that rows can pick theirs.
        execute("CREATE TABLE load_buurt (k INT NOT NULL AUTO_INCREMENT PRIMARY KEY, buurt_id CHAR(36) NOT NULL,"
                + " wijk_id CHAR(36) NOT NULL)");
        execute("INSERT INTO load_buurt (buurt_id, wijk_id) SELECT b.id, b.wijk_id FROM buurt b JOIN wijk w ON w.id = b.wijk_id"
                + " WHERE w.municipality_id = " + municipality + " ORDER BY w.name, b.name");
        int buurten = WIJKEN * BUURTEN_PER_WIJK;

        try (PreparedStatement residents = db.prepareStatement("""
                INSERT INTO account (id, email, password_hash, display_name, municipality_id, buurt_id, locale, status,
                                     created_at, updated_at, verified_at, version)
                SELECT UUID(), CONCAT('bewoner-', n.n, '@lasthaven.example'), ?, CONCAT('Bewoner ', n.n), b_m.m, lb.buurt_id,
                       IF(n.n % 10 = 0, 'en', 'nl'), 'ACTIVE', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), 0
                FROM load_n n
                JOIN load_buurt lb ON lb.k = 1 + n.n % ?
                JOIN (SELECT id AS m FROM municipality WHERE name = ?) b_m
                WHERE n.n < ?""")) {
            residents.setString(1, hash);
            residents.setInt(2, buurten);
            residents.setString(3, MUNICIPALITY);
            residents.setInt(4, RESIDENTS);
            residents.executeUpdate();
        }
        execute("CREATE TABLE load_resident (k INT NOT NULL PRIMARY KEY, account_id CHAR(36) NOT NULL)");
        execute("INSERT INTO load_resident (k, account_id) SELECT CAST(SUBSTRING_INDEX(SUBSTRING(email, 9), '@', 1) AS UNSIGNED), id"
                + " FROM account WHERE email LIKE 'bewoner-%@lasthaven.example'");

        StringBuilder themes = new StringBuilder("ELT(1 + (n.n * 7) % " + THEMES.length);
        for (String theme : THEMES) {
            themes.append(", '").append(theme).append("'");
        }
        themes.append(")");
        StringBuilder statuses = new StringBuilder("ELT(1 + (n.n * 3) % " + STATUSES.length);
        for (String status : STATUSES) {
            statuses.append(", '").append(status).append("'");
        }
        statuses.append(")");
        // In order of n, so that seq follows it; one in twenty is a draft that was never submitted.
        execute("INSERT INTO initiative (id, municipality_id, wijk_id, buurt_id, author_id, title, description, theme,"
                + " requested_budget_cents, status, support_count, created_at, updated_at, submitted_at, version)"
                + " SELECT UUID(), " + municipality + ", lb.wijk_id, lb.buurt_id, r.account_id,"
                + " CONCAT('Initiatief ', n.n), 'Een plan van bewoners voor de buurt, met een beschrijving van een paar regels.',"
                + " " + themes + ", (n.n % 50) * 10000,"
                + " IF(n.n % 20 = 7, 'DRAFT', " + statuses + "), 0, UTC_TIMESTAMP(), UTC_TIMESTAMP(),"
                + " IF(n.n % 20 = 7, NULL, UTC_TIMESTAMP()), 0"
                + " FROM load_n n JOIN load_buurt lb ON lb.k = 1 + (n.n * 13) % " + buurten
                + " JOIN load_resident r ON r.k = (n.n * 31) % " + RESIDENTS
                + " WHERE n.n < " + INITIATIVES + " ORDER BY n.n");
        execute("CREATE TABLE load_initiative (k INT NOT NULL AUTO_INCREMENT PRIMARY KEY, initiative_id CHAR(36) NOT NULL)");
        execute("INSERT INTO load_initiative (initiative_id) SELECT id FROM initiative WHERE municipality_id = " + municipality
                + " AND submitted_at IS NOT NULL ORDER BY seq");
        long published = count("SELECT COUNT(*) FROM load_initiative");
        // Skewed: the square of a hash in [0, 1) picks the initiative, so a few get thousands of supports.
        execute("INSERT IGNORE INTO initiative_support (initiative_id, account_id, supported_at)"
                + " SELECT li.initiative_id, r.account_id, UTC_TIMESTAMP()"
                + " FROM load_n n"
                + " JOIN load_initiative li ON li.k = 1 + CAST(FLOOR(POW(((n.n * 2654435761) % 4294967296) / 4294967296, 2) * "
                + published + ") AS SIGNED)"
                + " JOIN load_resident r ON r.k = (n.n * 40503) % " + RESIDENTS
                + " WHERE n.n < " + SUPPORT_CANDIDATES);
        execute("""
                UPDATE initiative i JOIN (SELECT initiative_id, COUNT(*) AS supports FROM initiative_support GROUP BY initiative_id) s
                    ON s.initiative_id = i.id
                SET i.support_count = s.supports""");
        execute("ANALYZE TABLE account, initiative, initiative_support");
        dropHelperTables();
        execute("SET SESSION foreign_key_checks = 1");
    }

    private void dropHelperTables() throws SQLException {
        for (String table : List.of("load_initiative", "load_resident", "load_buurt", "load_n", "load_digit")) {
            execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
