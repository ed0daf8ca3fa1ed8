/* The program-start loop of the benchmarks (scripts/bench.sh's "starts" section, scripts/bench/supervisor-starts.sh):
 * N fork+execve of /bin/true, each timed on its own. Usage: start-loop N [parent]
 * Prints "p50 mean cpu": the median and the mean microseconds per start, and with the second argument the CPU time
 * its parent (a supervisor that started it) spent per start, from the parent's /proc/PID/schedstat; else 0.0. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double parent_cpu_us(void) {
    char path[64];
    unsigned long long ns = 0;
    snprintf(path, sizeof path, "/proc/%d/schedstat", (int)getppid());
    FILE *f = fopen(path, "r");
    if (!f || fscanf(f, "%llu", &ns) != 1) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    fclose(f);
    return ns / 1e3;
}
static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
int main(int argc, char **argv) {
    int n = atoi(argv[1]);
    char *args[] = {"true", NULL};
    extern char **environ;
    double *us = malloc(sizeof *us * (size_t)n), sum = 0, cpu = argc > 2 ? parent_cpu_us() : 0;
    for (int i = 0; i < n; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        pid_t pid = fork();
        if (pid == 0) {
            execve("/bin/true", args, environ);
            _exit(127);
        }
        int status;
        waitpid(pid, &status, 0);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "start %d failed\n", i);
            return 1;
        }
        us[i] = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3;
        sum += us[i];
    }
    qsort(us, (size_t)n, sizeof *us, cmp);
    if (argc > 2) {
        cpu = (parent_cpu_us() - cpu) / n;
    }
    printf("%.1f %.1f %.1f\n", us[n / 2], sum / n, cpu);
    return 0;
}
