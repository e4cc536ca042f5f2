package dev.podscope.diagnosis;

import java.util.Optional;

/** One kind of problem: recognizes it from the clues and explains it, or says nothing. */
interface Rule {
    Optional<Diagnosis> apply(Clues clues);
}
