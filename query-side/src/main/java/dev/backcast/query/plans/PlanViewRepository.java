package dev.backcast.query.plans;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current plans. */
public interface PlanViewRepository extends JpaRepository<PlanView, UUID> {

    @Query("select v.revision from PlanView v where v.planId = ?1")
    Optional<Long> revisionOf(UUID planId);

    @Query("""
            select v from PlanView v
             where (?1 is null or v.portfolio = ?1) and (?2 is null or v.status = ?2)""")
    List<PlanView> findMatching(String portfolio, String status);
}
