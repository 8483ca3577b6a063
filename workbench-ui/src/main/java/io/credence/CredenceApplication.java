package io.credence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CredenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CredenceApplication.class, args);
    }
}
