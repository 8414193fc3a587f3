package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.wijkopmaat.challenge.Steps.Advice;
import nl.wijkopmaat.challenge.Steps.Agreement;
import nl.wijkopmaat.challenge.Steps.Assessment;
import nl.wijkopmaat.challenge.Steps.Eligibility;
import nl.wijkopmaat.challenge.Steps.Evaluation;
import nl.wijkopmaat.challenge.Steps.ProgressReport;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The stores of the steps on a proposal; the person who took a step is detached on erasure. */
final class StepRepositories {

    private StepRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface EligibilityRepository extends CrudRepository<Eligibility, UUID> {

        List<Eligibility> findByDecidedBy(UUID decidedBy);

        @Query("UPDATE challenge_eligibility SET decided_by = NULL WHERE decided_by = :accountId")
        void detach(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface AdviceRepository extends CrudRepository<Advice, UUID> {

        List<Advice> findByAdvisedBy(UUID advisedBy);

        @Query("UPDATE challenge_advice SET advised_by = NULL WHERE advised_by = :accountId")
        void detach(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface AssessmentRepository extends CrudRepository<Assessment, UUID> {

        @Query("INSERT INTO challenge_score (challenge_id, criterion, score, motivation) VALUES (:id, :criterion, :score, :motivation)")
        void addScore(UUID id, String criterion, int score, String motivation);

        @Query("SELECT criterion, score, motivation FROM challenge_score WHERE challenge_id = :id")
        List<ScoreRow> scoresOf(UUID id);

        List<Assessment> findByAssessedBy(UUID assessedBy);

        @Query("UPDATE challenge_assessment SET assessed_by = NULL WHERE assessed_by = :accountId")
        void detach(UUID accountId);
    }

    @Introspected
    record ScoreRow(String criterion, int score, String motivation) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface AgreementRepository extends CrudRepository<Agreement, UUID> {

        @Query("INSERT INTO challenge_reporting_moment (challenge_id, due_date) VALUES (:id, :dueDate)")
        void addMoment(UUID id, LocalDate dueDate);

        @Query("DELETE FROM challenge_reporting_moment WHERE challenge_id = :id")
        void clearMoments(UUID id);

        @Query("SELECT due_date FROM challenge_reporting_moment WHERE challenge_id = :id ORDER BY due_date")
        List<LocalDate> momentsOf(UUID id);

        List<Agreement> findByAgreedBy(UUID agreedBy);

        @Query("UPDATE challenge_agreement SET agreed_by = NULL WHERE agreed_by = :accountId")
        void detach(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ProgressReportRepository extends CrudRepository<ProgressReport, UUID> {

        @Query("SELECT * FROM challenge_progress_report WHERE challenge_id = :challengeId ORDER BY seq LIMIT :limit")
        List<ProgressReport> firstPage(UUID challengeId, int limit);

        @Query("""
                SELECT * FROM challenge_progress_report FORCE INDEX (ix_challenge_progress_report)
                WHERE challenge_id = :challengeId AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
        List<ProgressReport> pageAfter(UUID challengeId, long afterSeq, int limit);

        boolean existsByChallengeIdAndMoment(UUID challengeId, LocalDate moment);

        /** The reporting moments of a proposal that have their report, in one statement. */
        @Query("SELECT moment FROM challenge_progress_report WHERE challenge_id = :challengeId")
        Set<LocalDate> reportedMoments(UUID challengeId);

        List<ProgressReport> findByAuthorIdOrderByCreatedAt(UUID authorId);

        @Query("UPDATE challenge_progress_report SET author_id = NULL WHERE author_id = :accountId")
        void detach(UUID accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface EvaluationRepository extends CrudRepository<Evaluation, UUID> {

        List<Evaluation> findByEvaluatedBy(UUID evaluatedBy);

        @Query("UPDATE challenge_evaluation SET evaluated_by = NULL WHERE evaluated_by = :accountId")
        void detach(UUID accountId);
    }
}
