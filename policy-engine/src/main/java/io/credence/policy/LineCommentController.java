package io.credence.policy;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/markets/{market}/versions/{version}/comments")
class LineCommentController {

    private final LineComments comments;

    LineCommentController(LineComments comments) {
        this.comments = comments;
    }

    @GetMapping
    List<LineComment> list(@PathVariable String market, @PathVariable int version) {
        return comments.of(market, version);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LineComment add(
            @PathVariable String market,
            @PathVariable int version,
            @RequestBody NewLineComment request,
            Principal author) {
        return comments.add(Actor.of(author), market, version, request);
    }
}
