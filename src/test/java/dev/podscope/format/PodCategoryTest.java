package dev.podscope.format;

import static dev.podscope.format.PodCategory.FAILED;
import static dev.podscope.format.PodCategory.PENDING;
import static dev.podscope.format.PodCategory.RUNNING;
import static dev.podscope.format.PodCategory.RUNNING_NOT_READY;
import static dev.podscope.format.PodCategory.SUCCEEDED;
import static dev.podscope.format.PodCategory.TERMINATING;
import static dev.podscope.format.PodCategory.UNKNOWN;
import static dev.podscope.format.PodCategory.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodCategoryTest {

    @ParameterizedTest(name = "{0} {1} {2}/{3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Running   | Running                    | 1 | 1 | RUNNING
            Running   | Running                    | 1 | 2 | RUNNING_NOT_READY
            Running   | NotReady                   | 1 | 2 | RUNNING_NOT_READY
            Running   | Completed                  | 1 | 2 | RUNNING_NOT_READY
            Running   | CrashLoopBackOff           | 0 | 1 | WARNING
            Running   | Error                      | 1 | 2 | WARNING
            Running   | OOMKilled                  | 0 | 1 | WARNING
            Running   | ExitCode:137               | 0 | 1 | WARNING
            Running   | Signal:9                   | 0 | 1 | WARNING
            Pending   | ImagePullBackOff           | 0 | 1 | WARNING
            Pending   | ErrImagePull               | 0 | 1 | WARNING
            Pending   | CreateContainerConfigError | 0 | 1 | WARNING
            Pending   | Init:CrashLoopBackOff      | 0 | 1 | WARNING
            Pending   | Init:Error                 | 0 | 1 | WARNING
            Pending   | Init:ExitCode:1            | 0 | 1 | WARNING
            Pending   | Init:0/2                   | 0 | 1 | PENDING
            Pending   | ContainerCreating          | 0 | 1 | PENDING
            Pending   | SchedulingGated            | 0 | 1 | PENDING
            Pending   | Pending                    | 0 | 1 | PENDING
            Succeeded | Completed                  | 0 | 1 | SUCCEEDED
            Failed    | Error                      | 0 | 1 | FAILED
            Failed    | Evicted                    | 0 | 1 | FAILED
            Running   | Terminating                | 1 | 1 | TERMINATING
            Succeeded | Completed                  | 0 | 1 | SUCCEEDED
            Running   | Unknown                    | 1 | 1 | UNKNOWN
            Unknown   | Unknown                    | 0 | 1 | UNKNOWN
            ''        | ''                         | 0 | 0 | PENDING
            """)
    void classifiesRowsForColouring(String phase, String status, int ready, int total, PodCategory expected) {
        assertThat(PodCategory.classify(phase, status, ready, total)).isEqualTo(expected);
    }
}
