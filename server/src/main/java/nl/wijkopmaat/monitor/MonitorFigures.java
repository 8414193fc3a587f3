package nl.wijkopmaat.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the features hand over for one period. Counts are per wijk; people come as sets of account
 * ids, so that a person acting in several features counts once, in the wijk they live in, which the
 * monitor learns from {@link #residents}. Nothing of it is stored: the snapshot keeps only the sums.
 */
public final class MonitorFigures {

    private final Map<UUID, Map<Figure, Long>> perWijk = new HashMap<>();
    private final Map<UUID, Map<String, Long>> challengesPerWijk = new HashMap<>();
    private final Map<UUID, List<Answer>> answersPerWijk = new HashMap<>();
    private final Set<UUID> active = new HashSet<>();
    private final Set<UUID> volunteers = new HashSet<>();
    private final Map<UUID, UUID> buurtByResident = new HashMap<>();

    /** An initiative's answer: within its term or not, and after how many working days. */
    record Answer(boolean withinTerm, int workingDays) {
    }

    MonitorFigures() {
    }

    public void add(UUID wijkId, Figure figure, long amount) {
        perWijk.computeIfAbsent(wijkId, id -> new EnumMap<>(Figure.class)).merge(figure, amount, Long::sum);
    }

    /** Right to Challenge proposals of a wijk in a status. */
    public void addChallenges(UUID wijkId, String status, long count) {
        challengesPerWijk.computeIfAbsent(wijkId, id -> new TreeMap<>()).merge(status, count, Long::sum);
    }

    public void answer(UUID wijkId, boolean withinTerm, int workingDays) {
        answersPerWijk.computeIfAbsent(wijkId, id -> new ArrayList<>()).add(new Answer(withinTerm, workingDays));
    }

    /** People who took part in the period's twelve months. */
    public void active(Collection<UUID> accountIds) {
        active.addAll(accountIds);
    }

    /** People who worked a volunteer shift in the period's twelve months; they are active too. */
    public void volunteers(Collection<UUID> accountIds) {
        volunteers.addAll(accountIds);
        active.addAll(accountIds);
    }

    /** The registered residents of the municipality and the buurt each lives in. */
    public void residents(Map<UUID, UUID> buurtByAccount) {
        buurtByResident.putAll(buurtByAccount);
    }

    Map<UUID, Map<Figure, Long>> perWijk() {
        return perWijk;
    }

    Map<UUID, Map<String, Long>> challengesPerWijk() {
        return challengesPerWijk;
    }

    Map<UUID, List<Answer>> answersPerWijk() {
        return answersPerWijk;
    }

    Set<UUID> active() {
        return active;
    }

    Set<UUID> volunteers() {
        return volunteers;
    }

    Map<UUID, UUID> buurtByResident() {
        return buurtByResident;
    }
}
