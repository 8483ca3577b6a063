package io.credence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine's API without the workbench, for full-stack tests of this module. */
@SpringBootApplication
public class TestCredenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TestCredenceApplication.class, args);
    }
}
